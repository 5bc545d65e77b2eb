import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A file that puts its model in training mode and walks the training data computing a loss, with no backward pass,
// optimizer or fit anywhere, trains nothing: its epoch loop is no run (src/core/training/mode-switch-only.ts).
// Files written for this test.
const script = (update: string) => `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

net = nn.Sequential(nn.Linear(6, 4), nn.ReLU(), nn.Linear(4, 2))
rows = TensorDataset(torch.randn(96, 6), torch.randint(0, 2, (96,)))
train_loader = DataLoader(rows, batch_size=12, shuffle=True)
criterion = nn.CrossEntropyLoss()
${update.includes("opt.") ? "opt = torch.optim.SGD(net.parameters(), lr=0.1)" : ""}

for epoch in range(2):
    total = 0
    net.train()
    for xb, yb in train_loader:
        loss = criterion(net(xb), yb)
        ${update}
        total += loss.item()
    print(total / len(train_loader))
`;
const trainer = `import torch


class Solver:
    def __init__(self, net, loader):
        self.net = net
        self.loader = loader

    def train(self):
        opt = torch.optim.SGD(self.net.parameters(), lr=0.1)
        for epoch in range(4):
            for xb, yb in self.loader:
                opt.zero_grad()
                loss = torch.nn.functional.cross_entropy(self.net(xb), yb)
                loss.backward()
                opt.step()
`;
const solverScript = `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from solver import Solver

net = nn.Sequential(nn.Linear(6, 4), nn.ReLU(), nn.Linear(4, 2))
rows = TensorDataset(torch.randn(96, 6), torch.randint(0, 2, (96,)))
solver = Solver(net, DataLoader(rows, batch_size=12))
solver.train()
`;

describe("a file that only sets its model's training mode", () => {
  it("states no run when nothing backpropagates", async () => {
    const training = (await analyze(script("pass"))).training;
    assert.equal(training?.epochs?.value, undefined);
    assert.equal(training?.batch?.value, undefined);
  });

  it("keeps the run when the loop steps an optimizer", async () => {
    const training = (await analyze(script("opt.zero_grad(); loss.backward(); opt.step()"))).training;
    assert.equal(training?.epochs?.value, 2);
    assert.equal(training?.batch?.value, 12);
  });

  it("keeps the run of a solver whose train() trains in another file", async () => {
    const training = (await analyze(solverScript, { others: { "/project/solver.py": trainer } })).training;
    assert.equal(training?.epochs?.value, 4);
  });
});
