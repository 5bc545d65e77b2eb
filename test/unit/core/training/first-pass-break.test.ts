import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// `if cfg.debug: break` after the step, true by default, ends the loop on its first pass
// (src/core/training/first-pass-break.ts). Scripts written for this test.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const CONFIG = (debug: string) => `smoke: ${debug}\nloader:\n  bs: 16\nschedule:\n  total_updates: 2500\n`;

const HYDRA = `import hydra
import torch
from torch import nn


class Session:
    def go(self, cfg):
        net = nn.Linear(6, 3)
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        rows = torch.utils.data.TensorDataset(torch.randn(320, 6), torch.randint(0, 3, (320,)))
        loader = torch.utils.data.DataLoader(rows, batch_size=cfg.loader.bs, shuffle=True)
        stream = iter(loader)
        for update in range(cfg.schedule.total_updates):
            try:
                xb, yb = next(stream)
            except StopIteration:
                stream = iter(loader)
                xb, yb = next(stream)
            loss = nn.functional.cross_entropy(net(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            if cfg.smoke:
                print(loss.item())
                break


@hydra.main(config_path="settings", config_name="run")
def entry(cfg):
    Session().go(cfg)


if __name__ == "__main__":
    entry()
`;

const FLAGS = (test: string) => `import argparse
import torch
from torch import nn

parser = argparse.ArgumentParser()
parser.add_argument("--iters", type=int, default=700)
parser.add_argument("--quick", default=True)
opts = parser.parse_args()

net = nn.Linear(5, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.05)
for it in range(opts.iters):
    xb = torch.randn(12, 5)
    loss = net(xb).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if ${test}:
        break
`;

describe("a break that holds on the first pass (src/core/training/first-pass-break.ts)", () => {
  it("a Hydra config's debug switch set true ends the step loop after one step", async () => {
    const plan = await planOf(HYDRA, { "/project/settings/run.yaml": CONFIG("true") });
    assert.equal(plan.steps?.value, 1);
    assert.equal(plan.batch?.value, 16);
  });

  it("set false, the loop runs its count", async () => {
    const plan = await planOf(HYDRA, { "/project/settings/run.yaml": CONFIG("false") });
    assert.equal(plan.steps?.value, 2500);
  });

  it("an argparse flag true by default does the same", async () => {
    assert.equal((await planOf(FLAGS("opts.quick"))).steps?.value, 1);
  });

  it("a test of something the pass sets is no first-pass break", async () => {
    assert.notEqual((await planOf(FLAGS("loss.item() < 0.01"))).steps?.value, 1);
    assert.notEqual((await planOf(FLAGS("it >= 0 and opts.quick"))).steps?.value, 1);
  });
});
