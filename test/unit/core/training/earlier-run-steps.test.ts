import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { analyze } from "../../helpers/analyze";

// A notebook that first fits a toy curve by hand for 10 steps, then trains a network for epochs over a loader: the
// early loop's 10 is not the run's steps (src/core/training/earlier-run-steps.ts).
const NOTEBOOK = (later: string) => `import torch
from torch.utils.data import DataLoader, TensorDataset

t = torch.arange(0, 20).float()
speed = torch.randn(20) * 3 + 0.75 * (t - 9.5) ** 2 + 1
params = torch.randn(3).requires_grad_()
def curve(t, params):
    a, b, c = params
    return a * (t ** 2) + (b * t) + c
for i in range(10):
    loss = ((curve(t, params) - speed) ** 2).mean()
    loss.backward()
    params.data -= 1e-5 * params.grad.data
    params.grad = None

net = torch.nn.Linear(8, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loader = DataLoader(TensorDataset(torch.randn(960, 8), torch.randn(960, 1)), batch_size=64)
${later}
`;

describe("a step loop of an earlier cell, before the run's epoch loop", () => {
  it("is another training's: the run's steps are its 12 epochs × 15 batches, not 10", async () => {
    const plan = (await analyze(NOTEBOOK(`def train_epoch(model):
    for xb, yb in loader:
        loss = ((model(xb) - yb) ** 2).mean()
        loss.backward()
        opt.step()
        opt.zero_grad()
for epoch in range(12):
    train_epoch(net)`))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [12, 64, 960]);
    assert.notEqual(plan.steps?.value, 10);
    assert.equal(planOptimizerSteps(plan)?.value, 180);
  });

  it("with no epoch loop after it, the loop's 10 steps are the run's", async () => {
    const plan = (await analyze(NOTEBOOK(""))).training ?? {};
    assert.equal(planOptimizerSteps(plan)?.value, 10);
  });

  it("so is it before the module's call of the function that holds the epoch loop", async () => {
    const plan = (await analyze(NOTEBOOK(`def train_epoch(model):
    for xb, yb in loader:
        loss = ((model(xb) - yb) ** 2).mean()
        loss.backward()
        opt.step()
        opt.zero_grad()
def train_model(model, epochs):
    for epoch in range(epochs):
        train_epoch(model)
train_model(net, 12)`))).training ?? {};
    assert.equal(planOptimizerSteps(plan)?.value, 180);
  });
});

