import assert from "node:assert/strict";
import { analyze, onlyModel } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// numpy's reductions as shapes (src/core/interp/numpy-reductions.ts): no axis gives one number, `axis=k` drops that
// dimension (keepdims keeps it as 1), so data normalised with them keeps its rows.
describe("numpy reductions (src/core/interp/numpy-reductions.ts)", () => {
  it("keeps the rows of an array normalised by its mean and standard deviation, as the loader's samples", async () => {
    const result = await analyze(`import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

xs = np.arange(12, dtype="float32").reshape((12, 1))
ys = np.linspace(0.0, 5.0, num=12, dtype="float32")
xs_norm = torch.from_numpy((xs - np.mean(xs)) / np.std(xs))
loader = DataLoader(TensorDataset(xs_norm, torch.from_numpy(ys)), batch_size=4, shuffle=True)
net = nn.Linear(1, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.01)
for epoch in range(50):
    for xb, yb in loader:
        opt.zero_grad()
        ((net(xb)[:, 0] - yb) ** 2).mean().backward()
        opt.step()
`);
    const plan = result.training!;
    // Before: np.mean and np.std were unknown, so the normalised rows (and the run's samples) were too.
    assert.deepEqual([plan.samples?.value, plan.batch?.value, planOptimizerSteps(plan)?.value], [12, 4, 150]);
  });

  it("drops the reduced axis, keeps it with keepdims, and folds known numbers", async () => {
    const m = await onlyModel(`import numpy as np
import torch
from torch import nn

table = np.zeros((6, 5, 4))
kept = np.mean(table, axis=1).shape
middle = np.max(table, axis=(0, 2)).shape
ones = np.min(table, axis=-1, keepdims=True).shape
features = kept[1] * 100 + middle[0] * 10 + ones[2] + 1000 * len(np.std(table).shape)
width = int(np.max([3, 9, 4])) + int(np.max(np.arange(11))) + int(np.mean([1, 2, 3, 6])) * 100


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, features)
        self.out = nn.Linear(features, width)

    def forward(self, x):
        return self.out(self.fc(x))


model = Net()
model(torch.randn(2, 4))
`);
    // (6, 4), (5,) and (6, 5, 1): 451 features; 9 + 10 + 3 * 100 = 319 outputs; np.std with no axis is 0-d.
    assert.equal(m.params, 4 * 451 + 451 + 451 * 319 + 319);
  });
});
