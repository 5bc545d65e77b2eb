import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Scripts written for these tests: a dataset chosen by an argument away from the loader (a helper returning the
// dataset objects or the class, a registry of factories), worked out as Python runs it (dataset-classes.ts).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const DATA = `from torchvision import datasets, transforms

FACTORIES = {
    "mnist": lambda: datasets.MNIST("./d", train=True, download=True),
    "svhn": lambda: datasets.SVHN("./d", split="extra"),
    "cifar": lambda: datasets.CIFAR10("./d", train=False),
}


def build(args):
    if args.data == "cifar":
        train = datasets.CIFAR10("./d", train=True)
        test = datasets.CIFAR10("./d", train=False)
    else:
        train = datasets.FashionMNIST("./d", train=True, transform=transforms.ToTensor())
        test = datasets.FashionMNIST("./d", train=False, transform=transforms.ToTensor())
    return train, test


def pick(n):
    if n == 100:
        return 0.5, datasets.CIFAR100
    return 0.4, datasets.CIFAR10


def loaders(n, batch_size):
    mean, cls = pick(n)
    train = __import__("torch").utils.data.DataLoader(cls("./d", train=True), batch_size=batch_size, shuffle=True)
    test = __import__("torch").utils.data.DataLoader(cls("./d", train=False), batch_size=batch_size)
    return train, test
`;

const loop = `model = torch.nn.Linear(4, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(2):
    for x, y in loader:
        opt.zero_grad()
        model(x).sum().backward()
        opt.step()
`;

const script = (data: string, picked: string) => `import argparse
import torch
from torch.utils.data import DataLoader
from data import FACTORIES, build

parser = argparse.ArgumentParser()
parser.add_argument("--data", default="${data}")
args = parser.parse_args()
${picked}
${loop}`;

describe("datasets chosen by an argument away from the loader (chosen datasets)", () => {
  it("a helper returning the training and test objects: the training object's split", async () => {
    const plan = await planOf(script("fmnist", "train_set, test_set = build(args)\nloader = DataLoader(train_set, batch_size=100, shuffle=True)"), { "/project/data.py": DATA });
    assert.equal(plan.samples?.value, 60000);
    assert.match(plan.samples?.detail ?? "", /train_set is FashionMNIST/);
    assert.equal(plan.batch?.value, 100);
  });

  it("the helper's other branch, when the argument takes it", async () => {
    const plan = await planOf(script("cifar", "train_set, test_set = build(args)\nloader = DataLoader(train_set, batch_size=100, shuffle=True)"), { "/project/data.py": DATA });
    assert.equal(plan.samples?.value, 50000);
  });

  it("a name unpacked from the tuple a helper returned (ds = build(args); train_set, test_set = ds): the training object's split", async () => {
    const plan = await planOf(script("cifar", "ds = build(args)\ntrain_set, test_set = ds\nloader = DataLoader(train_set, batch_size=100, shuffle=True)"), { "/project/data.py": DATA });
    assert.equal(plan.samples?.value, 50000);
    assert.match(plan.samples?.detail ?? "", /train_set is CIFAR10 \(training split\)/);
    const test = await planOf(script("cifar", "ds = build(args)\ntrain_set, test_set = ds\nloader = DataLoader(test_set, batch_size=100, shuffle=True)"), { "/project/data.py": DATA });
    assert.equal(test.samples, undefined);
  });

  it("a test object fed to the loader is not the training split", async () => {
    const plan = await planOf(script("fmnist", "train_set, test_set = build(args)\nloader = DataLoader(test_set, batch_size=100, shuffle=True)"), { "/project/data.py": DATA });
    assert.equal(plan.samples, undefined);
  });

  it("a registry of factories indexed by the argument: the factory's dataset and part", async () => {
    const mnist = await planOf(script("mnist", "dataset = FACTORIES[args.data]()\nloader = DataLoader(dataset, batch_size=50, shuffle=True)"), { "/project/data.py": DATA });
    assert.equal(mnist.samples?.value, 60000);
    const svhn = await planOf(script("svhn", "dataset = FACTORIES[args.data]()\nloader = DataLoader(dataset, batch_size=50, shuffle=True)"), { "/project/data.py": DATA });
    assert.equal(svhn.samples?.value, 531131);
    const test = await planOf(script("cifar", "dataset = FACTORIES[args.data]()\nloader = DataLoader(dataset, batch_size=50, shuffle=True)"), { "/project/data.py": DATA });
    assert.equal(test.samples, undefined);
  });

  it("a loader function of another file calling the class a helper returned", async () => {
    const text = `import torch
from data import loaders

loader, test_loader = loaders(100, 64)
${loop}`;
    const plan = await planOf(text, { "/project/data.py": DATA });
    assert.equal(plan.samples?.value, 50000);
    assert.match(plan.samples?.detail ?? "", /cls, that is CIFAR100/);
    assert.equal(plan.batch?.value, 64);
  });
});

describe("drop_last of the loader another file's training walks (chosen datasets)", () => {
  const UTILS = `from torch.utils.data import DataLoader


def make_loader(dataset, batch_size):
    return DataLoader(dataset, batch_size=batch_size, shuffle=True, drop_last=True)
`;
  const TRAIN = `import torch
import utils


def train(model, dataset, batch_size=8, epochs=1):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(epochs):
        loader = utils.make_loader(dataset, batch_size)
        for x, y in loader:
            opt.zero_grad()
            model(x).sum().backward()
            opt.step()
`;
  it("the script's --batch-size passed down to a drop_last loader: drop_last holds for the run", async () => {
    const text = `import argparse
import torch
from torchvision import datasets
from trainer import train

parser = argparse.ArgumentParser()
parser.add_argument("--batch-size", type=int, default=32)
parser.add_argument("--epochs", type=int, default=10)
args = parser.parse_args()
train(torch.nn.Linear(4, 2), datasets.CIFAR100("./d", train=True), batch_size=args.batch_size, epochs=args.epochs)
`;
    const plan = await planOf(text, { "/project/trainer.py": TRAIN, "/project/utils.py": UTILS });
    assert.deepEqual([plan.batch?.value, plan.dropLast, plan.samples?.value], [32, true, 50000]);
  });

  it("a helper called in the loader's argument returns the dataset: DataLoader(dataset=make_train(), ...) trains on what it returns", async () => {
    const sets = `from torchvision import datasets, transforms


def make_train():
    return datasets.FashionMNIST("./d", train=True, transform=transforms.ToTensor(), download=True)


def make_test():
    return datasets.FashionMNIST("./d", train=False, transform=transforms.ToTensor())
`;
    const script = (helper: string) => `import torch
from torch.utils.data import DataLoader
from sets import make_train, make_test

model = torch.nn.Linear(784, 10)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loader = DataLoader(dataset=${helper}(), batch_size=100, shuffle=True)
for epoch in range(2):
    for x, y in loader:
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x.flatten(1)), y).backward()
        opt.step()
`;
    assert.equal((await planOf(script("make_train"), { "/project/sets.py": sets })).samples?.value, 60000);
    // The test split is not the table's training samples.
    assert.equal((await planOf(script("make_test"), { "/project/sets.py": sets })).samples?.value, undefined);
  });
});
