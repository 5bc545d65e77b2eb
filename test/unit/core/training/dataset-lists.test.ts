import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Scripts written for these tests: continual learning's task loop, `for task, dataset in enumerate(datasets):` around
// the epoch loop, each task's loader over that task's dataset (training-plan.ts: iterationCount, loopDatasetLength).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const TRAINLIB = (loader: string) => `import torch
from torch.utils.data import DataLoader
import loaders


def train(model, train_datasets, epochs_per_task=10, batch_size=64):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for task, train_dataset in enumerate(train_datasets, 1):
        for epoch in range(1, epochs_per_task + 1):
            data_loader = ${loader}
            for x, y in data_loader:
                optimizer.zero_grad()
                model(x).sum().backward()
                optimizer.step()
`;

const LOADERS = `from torch.utils.data import DataLoader


def get_data_loader(dataset, batch_size, cuda=False):
    return DataLoader(dataset, batch_size=batch_size, shuffle=True)
`;

const script = (second: string) => `import argparse
import torch
from torchvision import datasets
from trainlib import train

AVAILABLE = {"mnist": datasets.MNIST, "cifar10": datasets.CIFAR10}


def get_dataset(name, train=True):
    return AVAILABLE[name]("./data", train=train, download=True)


parser = argparse.ArgumentParser()
parser.add_argument("--tasks", type=int, default=5)
parser.add_argument("--epochs-per-task", type=int, default=2)
parser.add_argument("--batch-size", type=int, default=100)

if __name__ == "__main__":
    args = parser.parse_args()
    train_datasets = [get_dataset("mnist") for _ in range(args.tasks - 1)] + [get_dataset("${second}")]
    model = torch.nn.Linear(784, 10)
    train(model, train_datasets, epochs_per_task=args.epochs_per_task, batch_size=args.batch_size)
`;

describe("a task loop over a list of datasets around the epoch loop", () => {
  it("runs the epochs once per dataset, each epoch over that dataset's samples", async () => {
    const plan = await planOf(script("mnist"), { "/project/trainlib.py": TRAINLIB("DataLoader(train_dataset, batch_size=batch_size, shuffle=True)"), "/project/loaders.py": LOADERS });
    assert.equal(plan.epochs?.value, 5 * 2);
    assert.equal(plan.samples?.value, 60000);
    assert.equal(plan.batch?.value, 100);
  });

  it("reads the same through another file's loader function", async () => {
    const plan = await planOf(script("mnist"), { "/project/trainlib.py": TRAINLIB("loaders.get_data_loader(train_dataset, batch_size=batch_size)"), "/project/loaders.py": LOADERS });
    assert.equal(plan.epochs?.value, 10);
    assert.equal(plan.samples?.value, 60000);
  });

  it("gives no samples when the datasets differ in length", async () => {
    const plan = await planOf(script("cifar10"), { "/project/trainlib.py": TRAINLIB("DataLoader(train_dataset, batch_size=batch_size, shuffle=True)"), "/project/loaders.py": LOADERS });
    assert.equal(plan.epochs?.value, 10);
    assert.equal(plan.samples, undefined);
  });

  it("a loop over models (containers with a length and items too) around the epoch loop is no count of the run", async () => {
    const plan = await planOf(`import torch
from torch.utils.data import DataLoader, TensorDataset

loader = DataLoader(TensorDataset(torch.zeros(500, 8)), batch_size=50, shuffle=True)
models = [torch.nn.Sequential(torch.nn.Linear(8, 2)), torch.nn.Sequential(torch.nn.Linear(8, 4), torch.nn.Linear(4, 2))]
for model in models:
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(4):
        for (x,) in loader:
            optimizer.zero_grad()
            model(x).sum().backward()
            optimizer.step()
`);
    assert.equal(plan.epochs?.value, 4);
  });
});
