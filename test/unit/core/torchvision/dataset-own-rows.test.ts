import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Scripts written for these tests: a subclass of torchvision's CIFAR10 puts rows of its own in `self.data`, which
// torchvision's `__len__` counts (src/core/torchvision/datasets.ts: CIFAR, MNIST, SVHN, STL10 and USPS count
// `self.data` in the stand-in too).
const script = (rows: string) => `import numpy as np
import torch
import torchvision
from torch.utils.data import DataLoader


class Subset10(torchvision.datasets.CIFAR10):
    def __init__(self, root, part=1):
        super().__init__(root, train=True)
        self.part = part
        self.fill()

    def fill(self):
${rows}


rows = Subset10("./data")
loader = DataLoader(rows, batch_size=100, shuffle=True)
net = torch.nn.Linear(3072, 10)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(2):
    for x, y in loader:
        opt.zero_grad()
        torch.nn.functional.cross_entropy(net(x.flatten(1)), y).backward()
        opt.step()
`;

describe("a torchvision dataset subclass that puts rows of its own in self.data", () => {
  it("counts the rows it keeps", async () => {
    const plan = (await analyze(script("        self.data = self.data[:1200]\n        self.targets = self.targets[:1200]"))).training ?? {};
    assert.equal(plan.samples?.value, 1200);
  });

  it("leaves the samples unknown where it loads them from a file the analyzer does not read", async () => {
    const plan = (await analyze(script("        self.data = np.load(f'splits/part{self.part}_data.npy')\n        self.targets = np.load(f'splits/part{self.part}_targets.npy')"))).training ?? {};
    assert.equal(plan.epochs?.value, 2);
    assert.equal(plan.samples, undefined);
  });

  it("keeps the training split's rows where it only adds attributes", async () => {
    const plan = (await analyze(script("        self.tag = 'pairs'"))).training ?? {};
    assert.equal(plan.samples?.value, 50000);
  });
});
