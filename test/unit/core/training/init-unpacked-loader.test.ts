import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A training class whose `__init__` unpacks the loaders a data object's method returns into local names and keeps
// the training one on `self`, iterated by a helper method the training method calls on `self`
// (src/core/training/init-loaders.ts, unpacked-loader-calls.ts). Files written for this test.
const data = `import torch
from torch.utils.data import DataLoader, TensorDataset

class Pairs:
    def __init__(self, n):
        self.train_data = TensorDataset(torch.randn(n, 10), torch.randint(0, 2, (n,)))

    def get_dataloaders(self, batch_size=32):
        train_loader = DataLoader(self.train_data, shuffle=True, batch_size=batch_size)
        dev_loader = DataLoader(self.train_data, batch_size=batch_size)
        return train_loader, dev_loader
`;
const solver = (keep: string) => `import torch
from data import Pairs

class Solver:
    def __init__(self, args):
        pairs = Pairs(200)
        train_loader, dev_loader = pairs.get_dataloaders(batch_size=args.batch_size)
        self.model = torch.nn.Linear(10, 2)
        self.optimizer = torch.optim.Adam(self.model.parameters())
        self.args = args
        self.train_loader = ${keep}

    def train(self):
        for epoch in range(1, self.args.epochs + 1):
            self.train_epoch()

    def train_epoch(self):
        for x, y in self.train_loader:
            loss = torch.nn.functional.cross_entropy(self.model(x), y)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
`;
const options = `import argparse

def parse():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch_size", type=int, default=16)
    parser.add_argument("--epochs", type=int, default=3)
    return parser.parse_args()
`;
const script = `from options import parse
from solver import Solver

def main():
    args = parse()
    solver = Solver(args)
    solver.train()

if __name__ == "__main__":
    main()
`;

const planOf = async (keep: string) => (await analyze(script, { others: { "/project/data.py": data, "/project/options.py": options, "/project/solver.py": solver(keep) } })).training;

describe("a loader __init__ unpacks from a data object's method and keeps on self", () => {
  it("is the loader a helper method iterates: its batch and samples", async () => {
    const plan = await planOf("train_loader");
    assert.equal(plan?.epochs?.value, 3);
    assert.equal(plan?.batch?.value, 16);
    assert.equal(plan?.samples?.value, 200);
  });

  it("a local name no call made gives none", async () => {
    const plan = await planOf("[]");
    assert.notEqual(plan?.batch?.value, 16);
  });
});
