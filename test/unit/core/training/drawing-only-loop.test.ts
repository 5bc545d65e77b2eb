import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loop named for epochs that only draws (matplotlib patches and text, one per batch) or computes a simulated curve
// with NumPy trains nothing (src/core/training/drawing-only-loop.ts): the loop that steps the optimizer later is the
// run's epoch loop. A script written for this test.
const SCRIPT = `import numpy as np
import torch
import torch.nn as nn
import matplotlib.pyplot as plt

fig, (left, right) = plt.subplots(1, 2)
shown = 4
for epoch in range(shown):
    for batch in range(6):
        box = plt.Rectangle((batch, epoch), 0.8, 0.8)
        left.add_patch(box)
        left.text(batch, epoch, f"E{epoch} B{batch}")

curve = []
for epoch in range(30):
    curve.append(np.exp(-epoch / 10) + 0.1 * np.random.rand())
right.plot(curve)

points = torch.linspace(-1, 1, 200).view(-1, 1)
targets = 3 * points - 2
net = nn.Linear(1, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.05)
for epoch in range(80):
    loss = nn.functional.mse_loss(net(points), targets)
    opt.zero_grad()
    loss.backward()
    opt.step()
`;

describe("a loop that only draws (drawing-only-loop.ts)", () => {
  it("is no epoch loop: the loop that steps the optimizer gives the epochs", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs?.value, 80);
    assert.equal(plan.steps?.value, 80);
    assert.equal(plan.samples?.value, 200);
  });

  it("keeps an epoch loop that calls the script's own training function", async () => {
    const own = SCRIPT.replace(/for epoch in range\(80\):[\s\S]*$/, `def train_once():
    loss = nn.functional.mse_loss(net(points), targets)
    opt.zero_grad()
    loss.backward()
    opt.step()

for epoch in range(12):
    train_once()
`);
    const plan = (await analyze(own)).training ?? {};
    assert.equal(plan.epochs?.value, 12);
  });
});
