import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Scripts written for these tests: a training method that iterates a loader its object's `__init__` built through a
// function of a third file.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const LOADERS = `from torch.utils.data import DataLoader
from torchvision import datasets, transforms

def make_loader(name, batch_size):
    if name == "mnist":
        loader = DataLoader(datasets.MNIST("data", train=True, download=True, transform=transforms.ToTensor()), batch_size=batch_size, shuffle=True)
    elif name == "cifar10":
        loader = DataLoader(datasets.CIFAR10("data", train=True, download=True, transform=transforms.ToTensor()), batch_size=batch_size, shuffle=True)
    return loader
`;

const trainer = (iterated: string) => `import torch
import torch.nn as nn
from loaders import make_loader

class Trainer(object):
    def __init__(self, args):
        self.epochs = args.epochs
        self.batch_size = args.batch_size
        self.data_loader = make_loader(args.dataset, self.batch_size)
        self.other = [1, 2, 3]
        self.net = nn.Linear(784, 10)
        self.opt = torch.optim.Adam(self.net.parameters())

    def train(self):
        for epoch in range(self.epochs):
            for it, (x, _) in enumerate(${iterated}):
                self.opt.zero_grad()
                self.net(x.view(-1, 784)).sum().backward()
                self.opt.step()
`;

const SCRIPT = `import argparse
from trainer import Trainer

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="cifar10")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--batch_size", type=int, default=100)
    args = parser.parse_args()
    t = Trainer(args)
    t.train()

if __name__ == "__main__":
    main()
`;

describe("loaders built in __init__ (src/core/training/init-loaders.ts)", () => {
  it("`for ... in enumerate(self.data_loader)` over `self.data_loader = make_loader(...)` of __init__ has that loader's dataset", async () => {
    const plan = await planOf(SCRIPT, { "/project/trainer.py": trainer("self.data_loader"), "/project/loaders.py": LOADERS });
    assert.equal(plan.epochs?.value, 4);
    // The branch the argparse default takes: CIFAR-10's 50,000 training images, not MNIST's 60,000.
    assert.equal(plan.samples?.value, 50000);
    assert.equal(plan.batch?.value, 100);
    assert.match(plan.samples!.detail, /self\.data_loader, built in __init__/);
  });

  it("an attribute the method does not iterate is not the run's loader", async () => {
    const plan = await planOf(SCRIPT, { "/project/trainer.py": trainer("self.other"), "/project/loaders.py": LOADERS });
    assert.equal(plan.epochs?.value, 4);
    assert.equal(plan.samples, undefined);
  });
});
