import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A loader given `batch_sampler=` an object of the project's own class takes its yielded index lists as batches and
// len() of them a pass (src/core/training/own-batch-sampler.ts).
const SCRIPT = `import random
import torch
from torch import nn
from torch.utils.data import DataLoader, Sampler
from torchvision import datasets, transforms


class Episodes(Sampler):
    def __init__(self, labels, ways, shots, episodes):
        self.labels = labels
        self.ways = ways
        self.shots = shots
        self.episodes = episodes

    def __iter__(self):
        for _ in range(self.episodes):
            yield [random.randrange(len(self.labels)) for _ in range(self.ways * self.shots)]

    def __len__(self):
        return self.episodes


train = datasets.FashionMNIST("data", train=True, download=True, transform=transforms.ToTensor())
loader = DataLoader(train, batch_sampler=Episodes(train.targets, 5, 20, 300))
net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(4):
    for x, y in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(net(x), y).backward()
        opt.step()
`;

describe("a loader's batch sampler of the project's own class", () => {
  it("takes a yielded list's length for the batch and len() batches a pass, not the dataset's", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value, planOptimizerSteps(plan)?.value], [4, 30000, 100, 4 * 300]);
    assert.match(plan.samples?.detail ?? "", /= 300 batches of 100 indices:/);
  });

  it("words a batch of one index in the singular", async () => {
    const plan = (await analyze(SCRIPT.replace("Episodes(train.targets, 5, 20, 300)", "Episodes(train.targets, 1, 1, 300)"))).training ?? {};
    assert.deepEqual([plan.samples?.value, plan.batch?.value], [300, 1]);
    assert.match(plan.samples?.detail ?? "", /= 300 batches of 1 index:/);
  });

  it("leaves the samples unknown, not the dataset's, when a batch's length cannot be worked out", async () => {
    const drawn = SCRIPT.replace("yield [random.randrange(len(self.labels)) for _ in range(self.ways * self.shots)]", "yield [i for i in range(len(self.labels)) if random.random() < 0.01]");
    const plan = (await analyze(drawn)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value], [4, undefined, undefined]);
  });

  it("keeps torch's BatchSampler's batch_size", async () => {
    const torchs = SCRIPT.replace("batch_sampler=Episodes(train.targets, 5, 20, 300)", "batch_sampler=torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(train), 250, False)");
    const plan = (await analyze(torchs)).training ?? {};
    assert.deepEqual([plan.samples?.value, plan.batch?.value], [60000, 250]);
  });
});
