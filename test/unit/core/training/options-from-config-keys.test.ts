import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loop that adds one argparse option per key of a JSON config, working out the option's name in a name of its own
// first (`option = key.replace("_", "-")`), configures the parser as the inline form does: the namespace it parses
// holds the config's values (src/core/training/evaluate-site.ts configuresOnly). Files written for this test.
const settings = `{"epochs": 3, "batch_size": 16, "mixed_precision": "fp16"}`;
const script = `import argparse
import json
import torch
from torch.utils.data import DataLoader, TensorDataset
from accelerate import Accelerator

def run(args):
    accelerator = Accelerator(mixed_precision=args.mixed_precision)
    net = torch.nn.Linear(4, 1)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    loader = DataLoader(TensorDataset(torch.randn(64, 4), torch.randn(64, 1)), batch_size=args.batch_size)
    net, opt, loader = accelerator.prepare(net, opt, loader)
    for epoch in range(args.epochs):
        for x, y in loader:
            loss = ((net(x) - y) ** 2).mean()
            accelerator.backward(loss)
            opt.step()
            opt.zero_grad()

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    with open("settings.json") as f:
        config = json.load(f)
    for key in config:
        option = key.replace("_", "-")
        parser.add_argument(f"--{option}", default=config[key], type=type(config[key]))
    args = parser.parse_args()
    run(args)
`;

describe("argparse options added from a config's keys through a name of the loop's own", () => {
  it("parses the config's values: its mixed precision among them", async () => {
    const result = await analyze(script, { others: { "/project/settings.json": settings } });
    assert.equal(result.training?.precision?.value, "fp16");
  });
});
