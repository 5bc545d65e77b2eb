import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Another file's training method called more than once in turn (src/core/training/foreign-calls-in-turn.ts).
const SCRIPT = `import argparse
from learner import Learner

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=12)
parser.add_argument("--batch_size", type=int, default=40)
args = parser.parse_args()

learner = Learner(args.batch_size)
learner.run(n_epochs=3, lr=1e-3, frozen=True)
learner.run(n_epochs=args.epochs - 3, lr=1e-4, frozen=False)
`;
const LEARNER = `import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

class Learner:
    def __init__(self, batch_size):
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(3072, 10))
        data = datasets.CIFAR10("data", train=True, download=True, transform=transforms.ToTensor())
        self.loader = DataLoader(data, batch_size=batch_size, shuffle=True)

    def run(self, n_epochs, lr, frozen):
        opt = torch.optim.Adam(self.net.parameters(), lr=lr)
        for epoch in range(n_epochs):
            for x, y in self.loader:
                opt.zero_grad()
                nn.functional.cross_entropy(self.net(x), y).backward()
                opt.step()
`;

describe("another file's training method called in turn", () => {
  it("runs each call's epochs, its arguments read one call at a time", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/learner.py": LEARNER } })).training ?? {};
    assert.equal(plan.epochs?.value, 12);
    assert.match(plan.epochs?.detail ?? "", /2 calls in turn: 3 .* \+ 9 /);
  });

  it("leaves a call of another object's method apart", async () => {
    const plan = (await analyze(SCRIPT.replace("learner.run(n_epochs=args.epochs - 3", "other = Learner(8)\nother.run(n_epochs=args.epochs - 3"), { others: { "/project/learner.py": LEARNER } })).training ?? {};
    assert.equal(plan.epochs?.value, 3);
  });
});
