import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Epoch loops in turn whose steps are in a function they call (`for epoch in ...: train(epoch)`), and a later one
// that rounds of pruning repeat (src/core/training/epoch-loops-in-turn.ts). A script written for this test: 640 rows
// in batches of 64, 10 steps an epoch.
const script = (phases: string) => `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 1)
    def forward(self, x):
        return self.fc(x)

rows = DataLoader(TensorDataset(torch.randn(640, 10), torch.randn(640, 1)), batch_size=64, shuffle=True)
others = DataLoader(TensorDataset(torch.randn(320, 10), torch.randn(320, 1)), batch_size=64)
net = Net()
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
n_epochs = 3

def train(epoch, data=rows):
    for x, y in data:
        optimizer.zero_grad()
        nn.functional.mse_loss(net(x), y).backward()
        optimizer.step()

${phases}
`;

const plan = async (phases: string) => {
  const result = await analyze(script(phases));
  return trainingPlanOf(result, result.models.find((m) => m.name === "Net")!);
};

describe("epoch loops in turn that call their step loop", () => {
  it("adds two loops that each call the function holding the step loop over the same data", async () => {
    const p = await plan(`for epoch in range(n_epochs):\n    train(epoch)\n\nfor epoch in range(2):\n    train(epoch)`);
    assert.equal(p?.epochs?.value, 5);
    assert.match(p?.epochs?.detail ?? "", /epoch loops run in turn/);
    assert.equal(planOptimizerSteps(p ?? {})?.value, 50);
  });

  it("adds a later loop that rounds of a counted loop repeat: its epochs times the rounds", async () => {
    const p = await plan(`for epoch in range(1, n_epochs):\n    train(epoch)\n\nfor i in range(5):\n    net.fc.weight.data.mul_(0.5)\n    for epoch in range(1, n_epochs + 1):\n        train(epoch)`);
    // 2 epochs, then 5 rounds of 3.
    assert.equal(p?.epochs?.value, 17);
    assert.equal(planOptimizerSteps(p ?? {})?.value, 170);
  });

  it("does not add a repeated loop whose rounds train a network bound afresh", async () => {
    const p = await plan(`for epoch in range(n_epochs):\n    train(epoch)\n\nfor i in range(5):\n    net = Net()\n    for epoch in range(n_epochs):\n        train(epoch)`);
    assert.notEqual(p?.epochs?.value, 18);
  });

  it("does not add a called loop over other data", async () => {
    const p = await plan(`for epoch in range(n_epochs):\n    train(epoch)\n\nfor epoch in range(2):\n    for x, y in others:\n        optimizer.zero_grad()\n        nn.functional.mse_loss(net(x), y).backward()\n        optimizer.step()`);
    assert.equal(p?.epochs?.value, 3);
  });
});
