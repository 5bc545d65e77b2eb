import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A loader fed an object of the project's own dataset class in its call takes that object's len()
// (src/core/training/own-dataset-length.ts).
const SCRIPT = `import random
import torch
from torch import nn
from torch.utils.data import Dataset, DataLoader
from torchvision import datasets, transforms


class Pairs(Dataset):
    def __init__(self, base, pairs):
        self.base = base
        self.pairs = pairs

    def __len__(self):
        return self.pairs

    def __getitem__(self, i):
        a = self.base[random.randrange(len(self.base))][0]
        b = self.base[random.randrange(len(self.base))][0]
        return a, b, float(random.random() < 0.5)


digits = datasets.MNIST("data", train=True, download=True, transform=transforms.ToTensor())
loader = DataLoader(Pairs(digits, 40000), batch_size=100, shuffle=True)
embed = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 32))
opt = torch.optim.Adam(embed.parameters(), lr=1e-3)
for epoch in range(6):
    for a, b, same in loader:
        d = (embed(a) - embed(b)).pow(2).sum(1)
        loss = (same * d + (1 - same) * torch.clamp(1.0 - d.sqrt(), min=0).pow(2)).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

describe("a loader fed an object of the project's own dataset class in its call", () => {
  it("takes the object's __len__, not that of the dataset it draws from", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value, planOptimizerSteps(plan)?.value], [6, 40000, 100, 6 * 400]);
  });

  it("takes the wrapped dataset's length where __len__ returns it", async () => {
    const wrapped = SCRIPT.replace("        return self.pairs\n", "        return len(self.base)\n");
    const plan = (await analyze(wrapped)).training ?? {};
    assert.equal(plan.samples?.value, 60000);
  });
});
