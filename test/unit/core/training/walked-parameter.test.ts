import { strict as assert } from "node:assert";
import { notebookProgram } from "../../../../src/core/notebook/notebook-program";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { analyze } from "../../helpers/analyze";

// A training function's loop over its parameter walks what the calls pass, not a module-level loader that happens to
// share the parameter's name (src/core/training/walked-parameter.ts).
describe("a training function walking its parameter", () => {
  it("takes the loader the call passes, not a peeking loader bound to the parameter's name", async () => {
    const program = notebookProgram([
      `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset`,
      `pairs = TensorDataset(torch.randn(2000, 16), torch.randint(0, 2, (2000,)))
dataloader = DataLoader(pairs, batch_size=4, shuffle=False)
next(iter(dataloader))`,
      `batch_size = 32
train_dl = DataLoader(pairs, batch_size=batch_size, shuffle=True)`,
      `net = nn.Sequential(nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, 2))
opt = torch.optim.Adam(net.parameters(), lr=0.001)

def train(dataloader):
    net.train()
    for xb, yb in dataloader:
        opt.zero_grad()
        nn.functional.cross_entropy(net(xb), yb).backward()
        opt.step()`,
      `for epoch in range(10):
    train(train_dl)`,
    ].map((source, index) => ({ index, source })));
    const plan = (await analyze(program.text)).training!;
    // Before: batch 4 (the peeking loader bound to the name `dataloader`), 5,000 steps.
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value, planOptimizerSteps(plan)?.value], [10, 32, 2000, 630]);
  });

  it("walks the binding the passed name holds where the call is", async () => {
    const result = await analyze(`import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

net = nn.Linear(6, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.01)

def fit(model, n_epochs, loader):
    for epoch in range(n_epochs):
        for xb, yb in loader:
            opt.zero_grad()
            ((model(xb)[:, 0] - yb) ** 2).mean().backward()
            opt.step()

train_dl = DataLoader(TensorDataset(torch.randn(40, 6), torch.randn(40)), batch_size=20, shuffle=True)
train_dl = DataLoader(TensorDataset(torch.randn(900, 6), torch.randn(900)), batch_size=100, shuffle=True)
fit(net, 3, train_dl)
`);
    const plan = result.training!;
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value, planOptimizerSteps(plan)?.value], [3, 100, 900, 27]);
  });

  // Two models trained in turn by one function, each call passing a loader of one name bound again between them (a
  // notebook's cells): each model's run walks what its own call passes.
  const IN_TURN = `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

def train(dataloader, model, opt, n_epochs=3):
    for epoch in range(n_epochs):
        for x, y in dataloader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(x), y).backward()
            opt.step()

model = nn.Linear(10, 2)
opt = torch.optim.Adam(model.parameters())
dataloader = DataLoader(TensorDataset(torch.randn(5000, 10), torch.randint(0, 2, (5000,))), batch_size=1000, shuffle=True)
train(dataloader, model, opt, n_epochs=2)

model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 2))
opt = torch.optim.Adam(model.parameters())
dataloader = DataLoader(TensorDataset(torch.randn(6400, 10), torch.randint(0, 2, (6400,))), batch_size=128, shuffle=True)
train(dataloader, model, opt)
`;

  it("gives each of two models trained in turn the loader its own call passes", async () => {
    const result = await analyze(IN_TURN);
    const figures = result.models.map((m) => {
      const plan = trainingPlanOf(result, m) ?? {};
      return [plan.epochs?.value, plan.batch?.value, plan.samples?.value, planOptimizerSteps(plan)?.value];
    });
    // Before: the second model walked the first loader (batch 1000, 6,400 samples: 21 steps).
    assert.deepEqual(figures, [[2, 1000, 5000, 10], [3, 128, 6400, 150]]);
  });

  it("says a later call in turn passes a loader of another batch", async () => {
    const once = IN_TURN.replace(/\nmodel = nn.Sequential[^\n]*\nopt = [^\n]*\n/, "\n");
    const plan = (await analyze(once)).training ?? {};
    assert.ok(plan.notes?.some((n) => n.startsWith("batch: the first of the 2 calls of train in turn has 1000, a later one 128")), JSON.stringify(plan.notes));
  });

  // The walked parameter handed on by a function the module calls (`train_epochs(model, train_dl)` calling
  // `train_one_epoch(model, dl)`): what the module-level call passes, where it is, as the outer function's own.
  it("follows a parameter handed on through another function to the module-level call", async () => {
    const result = await analyze(`import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

ds = TensorDataset(torch.randn(1000, 10), torch.randn(1000, 1))
train_dl = DataLoader(ds, batch_size=5, shuffle=True)
x, y = next(iter(train_dl))

def train_one_epoch(model, optimizer, dl):
    for xb, yb in dl:
        loss = ((model(xb) - yb) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

def train_epochs(model, dl, optimizer, epochs=5):
    for i in range(epochs):
        train_one_epoch(model, optimizer, dl)

train_dl = DataLoader(ds, batch_size=64, shuffle=True)
net = nn.Linear(10, 1)
train_epochs(net, train_dl, torch.optim.Adam(net.parameters(), lr=0.01), epochs=5)
`);
    const plan = result.training!;
    // Before: batch 5 (the peeking loader the name held first), 1,000 steps.
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value, planOptimizerSteps(plan)?.value], [5, 64, 1000, 80]);
  });
});
