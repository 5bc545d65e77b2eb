import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A loader given a sampler of the project's own class takes the indices it yields (src/core/training/own-sampler.ts).
const SCRIPT = `import random
import torch
from torch import nn
from torch.utils.data import DataLoader, Sampler
from torchvision import datasets, transforms


class Twice(Sampler):
    def __init__(self, source, times):
        self.count = len(source)
        self.times = times

    def __iter__(self):
        for _ in range(self.times):
            yield from torch.randperm(self.count).tolist()

    def __len__(self):
        return self.count * self.times


train = datasets.FashionMNIST("data", train=True, download=True, transform=transforms.ToTensor())
loader = DataLoader(train, batch_size=500, sampler=Twice(train, 2))
net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(3):
    for x, y in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(net(x), y).backward()
        opt.step()
`;

describe("a loader's sampler of the project's own class", () => {
  it("gives each epoch its len(), not the dataset's", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value, planOptimizerSteps(plan)?.value], [3, 120000, 500, 3 * 240]);
  });

  it("leaves the samples unknown when its length rests on chance, and a sampler bound to a name is read the same", async () => {
    const drawn = SCRIPT.replace("return self.count * self.times", "return sum(1 for _ in range(self.count) if random.random() < 0.5)")
      .replace("loader = DataLoader(train, batch_size=500, sampler=Twice(train, 2))", "picker = Twice(train, 2)\nloader = DataLoader(train, batch_size=500, sampler=picker)");
    const plan = (await analyze(drawn)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value, planOptimizerSteps(plan)?.value], [3, undefined, 500, undefined]);
  });

  it("keeps the dataset's samples under torch's own samplers", async () => {
    const plain = SCRIPT.replace("sampler=Twice(train, 2)", "sampler=torch.utils.data.RandomSampler(train)");
    const plan = (await analyze(plain)).training ?? {};
    assert.equal(plan.samples?.value, 60000);
  });
});
