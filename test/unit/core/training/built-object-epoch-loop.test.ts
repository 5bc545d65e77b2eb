import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A function of another file that builds an object of its own file's class and calls the object's per-epoch method in
// its epoch loop, keeping what it returns (`stats = session.run_epoch(loader, epoch)`): Python runs that method each
// turn, so the loop's count is the run's epochs (src/core/training/built-object-training.ts). Files written for this test.
const training = `import torch
from torch.utils.data import DataLoader, TensorDataset

class Session:
    def __init__(self, width):
        self.net = torch.nn.Linear(width, 1)
        self.opt = torch.optim.Adam(self.net.parameters(), lr=1e-3)

    def loaders(self, bs):
        rows = TensorDataset(torch.randn(200, 4), torch.randn(200, 1))
        return DataLoader(rows, batch_size=bs, shuffle=True)

    def run_epoch(self, loader, epoch):
        total = 0.0
        for x, y in loader:
            self.opt.zero_grad()
            loss = ((self.net(x) - y) ** 2).mean()
            loss.backward()
            self.opt.step()
            total += loss.item()
        return {"loss": total, "epoch": epoch}

def launch(opts):
    first = 1
    session = Session(4)
    loader = session.loaders(opts.bs)
    for epoch in range(first, opts.epochs):
        stats = session.run_epoch(loader, epoch)
        print(stats)
`;
const script = `import argparse
from training import launch

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--bs", type=int, default=20)
    parser.add_argument("--epochs", type=int, default=31)
    launch(parser.parse_args())
`;

describe("a function of another file whose epoch loop runs a method of an object it builds", () => {
  it("counts that loop's turns as the run's epochs", async () => {
    const plan = (await analyze(script, { others: { "/project/training.py": training } })).training;
    assert.equal(plan?.epochs?.value, 30);
    assert.equal(plan?.batch?.value, 20);
  });
});
