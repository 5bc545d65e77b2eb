// A full-batch loop that rebinds its network to itself each pass (`net = net.train()`, `net = net.to(device)`:
// nn.Module's train/to/... return self) still calls the module it named before the loop on all of its data
// (loop-invariant-binding.ts, read by full-batch-epochs.ts).
import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { analyze } from "../../helpers/analyze";

const REBOUND = `import torch
from torch import nn

features = torch.rand(40, 3)
targets = torch.rand(40, 1)
net = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.05)
mse = nn.MSELoss()
for it in range(75):
    net = net.train()
    pred = net(features)
    err = mse(pred, targets)
    opt.zero_grad()
    err.backward()
    opt.step()
    net.eval()
`;

const figures = async (text: string) => {
  const plan = (await analyze(text)).training;
  return [plan?.epochs?.value, plan?.batch?.value, plan?.samples?.value, plan && planOptimizerSteps(plan)?.value];
};

describe("a full-batch loop that rebinds its network to itself", () => {
  it("trains the module named before the loop on all of the data, one epoch a step", async () => {
    assert.deepEqual(await figures(REBOUND), [75, 40, 40, 75]);
  });

  it("reads through a chain of self-returning methods, and a tensor converted in place of itself", async () => {
    const chained = REBOUND.replace("net = net.train()", "net = net.train().to('cpu')").replace("pred = net(features)", "features = features.float()\n    pred = net(features)");
    assert.deepEqual(await figures(chained), [75, 40, 40, 75]);
  });

  it("reads no data where the loop binds the name to another module", async () => {
    const fresh = REBOUND.replace("net = net.train()", "net = nn.Sequential(nn.Linear(3, 1))");
    assert.notEqual((await figures(fresh))[2], 40);
  });
});
