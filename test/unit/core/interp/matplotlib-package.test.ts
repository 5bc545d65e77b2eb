import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { analyze } from "../../helpers/analyze";

// matplotlib.pyplot.subplots as its grid of axes (matplotlib-package.ts): a loop over the axes runs as many times as
// the grid has them, so the networks it builds and trains are known after it, not unknown (a notebook's last cell
// comparing weight decays, one network per setting, trained by a function of its own).
const SCRIPT = (grid: string, loop: string) => `import torch
from torch import nn
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

X = torch.randn(120, 6)
y = torch.randn(120, 1)

def fit(net, epochs=300, wd=0.0):
    opt = torch.optim.Adam(net.parameters(), lr=0.01, weight_decay=wd)
    for epoch in range(epochs):
        loss = ((net(X) - y) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()

net = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 1))
fit(net, epochs=40)

def fit_decayed(net, epochs=300, wd=0.0):
    opt = torch.optim.SGD(net.parameters(), lr=0.01, weight_decay=wd)
    for epoch in range(epochs):
        loss = ((net(X) - y) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()

fig, axes = plt.subplots(${grid})
${loop}
    net = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 1))
    fit_decayed(net, epochs=25, wd=wd)
    ax.set_title(f"wd={wd}")
plt.tight_layout()
`;

describe("matplotlib's subplots grid (matplotlib-package.ts)", function () {
  this.timeout(20_000);
  it("a loop zipping settings with a row of axes runs, so the first network's full-batch run is read", async () => {
    const plan = (await analyze(SCRIPT("1, 3", "for wd, ax in zip([0.0, 0.1, 0.5], axes):"))).training!;
    // Before: the axes unknown, the loop's networks left `net` unknown and the first run lost its batch and samples.
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value, planOptimizerSteps(plan)?.value], [40, 120, 120, 40]);
  });

  it("a 2-D grid is walked by .flat, and indexed by row and column", async () => {
    const plan = (await analyze(SCRIPT("2, 2", "axes[0, 1].plot([1, 2])\nfor wd, ax in zip([0.0, 0.1, 0.2, 0.5], axes.flat):"))).training!;
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [40, 120, 120]);
  });
});
