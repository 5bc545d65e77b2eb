import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A DataLoader whose batches a `batch_sampler=` of the project's own class makes, its lists not read (labels the
// analysis does not know; src/core/training/sampler-made-batches.ts): an argparse `--batch-size` is not its batch.
const SAMPLERS = `import torch
from torch.utils.data import BatchSampler, RandomSampler


class TaskDraw:
    def __init__(self, labels, ways, shots, rounds):
        self.labels = labels
        self.ways = ways
        self.shots = shots
        self.rounds = rounds

    def __len__(self):
        return self.rounds

    def __iter__(self):
        for _ in range(self.rounds):
            kinds = torch.randperm(int(self.labels.max()) + 1)[:self.ways]
            picked = []
            for k in kinds:
                where = torch.nonzero(self.labels == k).flatten()
                picked.extend(where[torch.randperm(len(where))[:self.shots]].tolist())
            yield picked


def make_sampler(opts, data):
    if opts.kind == "plain":
        return BatchSampler(RandomSampler(data), batch_size=opts.batch_size, drop_last=False)
    return TaskDraw(data.targets, opts.ways, opts.shots, opts.rounds)
`;

const SCRIPT = (sampler: string) => `import argparse
import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
from samplers import make_sampler, TaskDraw

parser = argparse.ArgumentParser()
parser.add_argument("--kind", default="tasks")
parser.add_argument("--ways", type=int, default=4)
parser.add_argument("--shots", type=int, default=9)
parser.add_argument("--rounds", type=int, default=50)
parser.add_argument("--batch-size", type=int, default=64)
parser.add_argument("--epochs", type=int, default=3)
opts = parser.parse_args()

data = datasets.FashionMNIST("./data", train=True, download=True, transform=transforms.ToTensor())
sampler = ${sampler}
loader = DataLoader(data, batch_sampler=sampler)
net = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 10))
opt = torch.optim.Adam(net.parameters())
for epoch in range(opts.epochs):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

describe("a loader whose batch_sampler makes its batches", () => {
  it("does not take --batch-size as the batch of an episode sampler of the project's own class", async () => {
    const result = await analyze(SCRIPT("make_sampler(opts, data)"), { others: { "/project/samplers.py": SAMPLERS } });
    assert.equal(result.training?.epochs?.value, 3);
    assert.equal(result.training?.batch, undefined, JSON.stringify(result.training?.batch));
  });

  it("keeps --batch-size where the function builds torch's BatchSampler with it", async () => {
    const result = await analyze(SCRIPT("make_sampler(opts, data)").replace('default="tasks"', 'default="plain"'), { others: { "/project/samplers.py": SAMPLERS } });
    assert.equal(result.training?.batch?.value, 64, JSON.stringify(result.training?.batch));
  });
});
