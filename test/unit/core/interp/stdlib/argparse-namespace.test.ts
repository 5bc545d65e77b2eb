import { strict as assert } from "node:assert";
import type { TrainingPlan } from "../../../../../src/core/training/training-plan";
import { analyze } from "../../../helpers/analyze";

// parse_args(namespace=ns) fills the namespace it is given, setting a default only where ns lacks the dest
// (src/core/interp/stdlib/argparse.ts): a namespace filled from a JSON config keeps the file's values. A script and
// config written for this test.
const CONFIG = `{"epochs": 7, "batch_size": 8, "lr": 0.1}`;
const script = (fill: string) => `import argparse, json
import torch
from torch.utils.data import DataLoader, TensorDataset

def run(opts):
    ds = TensorDataset(torch.randn(100, 4), torch.randn(100, 1))
    loader = DataLoader(ds, batch_size=opts.batch_size)
    net = torch.nn.Linear(4, 1)
    opt = torch.optim.SGD(net.parameters(), lr=opts.lr)
    for epoch in range(opts.epochs):
        for x, y in loader:
            opt.zero_grad()
            ((net(x) - y) ** 2).mean().backward()
            opt.step()

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=str, default="exp")
    parser.add_argument("--epochs", type=int, default=2)
    opts = parser.parse_args()
    with open("configs/" + opts.config + ".json") as fp:
        filled = argparse.Namespace()
        filled.__dict__.update(json.load(fp))
        ${fill}
    run(opts)
`;

const planOf = async (fill: string, config = CONFIG): Promise<TrainingPlan> => (await analyze(script(fill), { others: { "/project/configs/exp.json": config } })).training ?? {};

describe("argparse parse_args(namespace=...)", function () {
  this.timeout(20_000);
  it("keeps the values the given namespace holds, over the parser's defaults", async () => {
    const plan = await planOf("opts = parser.parse_args(namespace=filled)");
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.batch?.value, 8);
  });

  it("sets the defaults the namespace lacks", async () => {
    const plan = await planOf("opts = parser.parse_args(namespace=filled)", `{"batch_size": 8, "lr": 0.1}`);
    assert.equal(plan.epochs?.value, 2);
    assert.equal(plan.batch?.value, 8);
  });
});
