import { strict as assert } from "node:assert";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { notebookProgram } from "../../../../src/core/notebook/notebook-program";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { analyze } from "../../helpers/analyze";

// A notebook binds one loader name in one cell, trains on it, then binds it again in a later cell for another model:
// each module-level loop walks the binding the name holds when it runs (src/core/training/walked-binding.ts).
describe("a loader name bound again in a later cell", () => {
  const cells = [
    `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
import torchvision`,
    `x_rows = torch.randn(300, 6)
y_rows = torch.randn(300)
batch_size = 8
train_dl = DataLoader(TensorDataset(x_rows, y_rows), batch_size, shuffle=True)`,
    `regressor = nn.Sequential(nn.Linear(6, 4), nn.ReLU(), nn.Linear(4, 1))
opt = torch.optim.SGD(regressor.parameters(), lr=0.001)
for epoch in range(200):
    for xb, yb in train_dl:
        loss = ((regressor(xb)[:, 0] - yb) ** 2).mean()
        loss.backward()
        opt.step()
        opt.zero_grad()`,
    `%matplotlib inline
digits = torchvision.datasets.MNIST(root="./", train=True, download=True)
batch_size = 64
train_dl = DataLoader(digits, batch_size, shuffle=True)`,
    `classifier = nn.Sequential(nn.Flatten(), nn.Linear(784, 32), nn.ReLU(), nn.Linear(32, 10))
opt = torch.optim.Adam(classifier.parameters(), lr=0.001)
for epoch in range(20):
    for i, (xb, yb) in enumerate(train_dl):
        loss = nn.functional.cross_entropy(classifier(xb), yb)
        loss.backward()
        opt.step()
        opt.zero_grad()`,
  ];

  it("gives each model's loop the loader bound before it, not the file's first", async () => {
    const program = notebookProgram(cells.map((source, index) => ({ index, source })));
    const result = await analyze(program.text);
    const [first, second] = ["regressor", "classifier"].map((name) => trainingPlanOf(result, result.models.find((m) => (m.instance ?? m.name) === name)!));
    assert.deepEqual([first?.epochs?.value, first?.batch?.value, first?.samples?.value, first && planOptimizerSteps(first)?.value], [200, 8, 300, 200 * 38]);
    // Before: the second loop walked the first cell's loader too (batch 8 of 300 rows).
    assert.deepEqual([second?.epochs?.value, second?.batch?.value, second?.samples?.value, second && planOptimizerSteps(second)?.value], [20, 64, 60000, 20 * 938]);
  });

  it("keeps the first binding when the loop walks the name before it is bound again", async () => {
    const result = await analyze(`import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

train_dl = DataLoader(TensorDataset(torch.randn(300, 6), torch.randn(300)), 10, shuffle=True)
net = nn.Linear(6, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.01)
for epoch in range(5):
    for xb, yb in train_dl:
        opt.zero_grad()
        ((net(xb)[:, 0] - yb) ** 2).mean().backward()
        opt.step()
train_dl = DataLoader(TensorDataset(torch.randn(50, 6), torch.randn(50)), 25, shuffle=True)
`);
    assert.deepEqual([result.training?.batch?.value, result.training?.samples?.value, result.training && planOptimizerSteps(result.training)?.value], [10, 300, 150]);
  });

  it("a function's loop over the global name walks the binding it holds where the module calls the function", async () => {
    // A demo loader over a range, then the training one: the epochs run through train_model, which calls train_pass.
    const cells = [
      `import torch
from torch.utils.data import DataLoader`,
      `demo = list(range(15))
loader = DataLoader(demo, batch_size=5, shuffle=True)
list(loader)`,
      `xs = torch.randn(1200, 784)
ys = torch.randint(0, 2, (1200, 1)).float()
loader = DataLoader(list(zip(xs, ys)), batch_size=256)
w = torch.randn(784, 1, requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)`,
      `def train_pass():
    for xb, yb in loader:
        loss = ((xb @ w).sigmoid() - yb).abs().mean()
        loss.backward()
        opt.step()
        opt.zero_grad()`,
      `def train_model(epochs):
    for i in range(epochs):
        train_pass()`,
      "train_model(20)",
    ];
    const result = await analyze(notebookProgram(cells.map((source, index) => ({ index, source }))).text);
    assert.deepEqual([result.training?.batch?.value, result.training?.samples?.value], [256, 1200], "the loader bound before the calls, not the demo's 5 of 15");
  });
});

