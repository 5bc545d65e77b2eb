import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A sampler whose __iter__ never stops cycles over the dataset: its __len__ is no pass (src/core/training/endless-iteration.ts).
const SCRIPT = `import torch
from torch import nn
from torch.utils.data import DataLoader, Sampler
from torchvision import datasets, transforms


def forever(n):
    order = torch.randperm(n).tolist()
    k = 0
    while True:
        yield order[k]
        k += 1
        if k == n:
            order = torch.randperm(n).tolist()
            k = 0


class Cycling(Sampler):
    def __init__(self, source):
        self.n = len(source)

    def __iter__(self):
        return iter(forever(self.n))

    def __len__(self):
        return 2 ** 30


train = datasets.FashionMNIST("data", train=True, download=True, transform=transforms.ToTensor())
batches = iter(DataLoader(train, batch_size=32, sampler=Cycling(train)))
net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for step in range(5000):
    x, y = next(batches)
    opt.zero_grad()
    nn.functional.cross_entropy(net(x), y).backward()
    opt.step()
`;

describe("a sampler of the project's own class that never stops", () => {
  it("keeps the dataset's samples, not its __len__, when __iter__ returns an endless generator's iterator", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.samples?.value, plan.batch?.value, plan.steps?.value], [60000, 32, 5000]);
  });

  it("reads a generator __iter__ looping forever the same", async () => {
    const own = SCRIPT.replace("        return iter(forever(self.n))", "        while True:\n            yield from torch.randperm(self.n).tolist()");
    const plan = (await analyze(own)).training ?? {};
    assert.equal(plan.samples?.value, 60000);
  });

  it("takes __len__ where the loop can end (a break)", async () => {
    const ends = SCRIPT.replace("            k = 0\n", "            break\n");
    const plan = (await analyze(ends)).training ?? {};
    assert.equal(plan.samples?.value, 2 ** 30);
  });
});
