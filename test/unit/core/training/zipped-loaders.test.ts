import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A step loop over zip() of two loaders ends each epoch with the shorter (src/core/training/zipped-loaders.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (target: string, walk: string) => `import itertools
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset
from torchvision import datasets
from tqdm import tqdm

class Frames(Dataset):
    def __init__(self, root):
        self.files = sorted(open(root + "/list.txt").read().split())

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        return torch.zeros(3, 28, 28)

source_loader = DataLoader(datasets.MNIST("data", train=True, download=True), batch_size=32, shuffle=True)
target_loader = DataLoader(${target}, batch_size=32, shuffle=True)
model = nn.Linear(784, 10)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(5):
    ${walk}
        opt.zero_grad()
        nn.functional.cross_entropy(model(xs.flatten(1)), ys).backward()
        opt.step()
`;

describe("a step loop over zip() of loaders (src/core/training/zipped-loaders.ts)", () => {
  it("leaves the epoch's samples unknown and says why: the epoch is the shorter loader's", async () => {
    const direct = await planOf(SCRIPT(`Frames("target")`, "for (xs, ys), xt in zip(source_loader, target_loader):"));
    assert.equal(direct.epochs?.value, 5);
    assert.equal(direct.batch?.value, 32);
    assert.equal(direct.samples, undefined);
    assert.ok(direct.notes?.some((n) => /shortest loader of zip\(source_loader, target_loader\)/.test(n)), JSON.stringify(direct.notes));
    // Through a name bound to the zip and a progress bar around it.
    const bound = await planOf(SCRIPT(`Frames("target")`, "batches = zip(source_loader, target_loader)\n    for (xs, ys), xt in tqdm(batches, total=100):"));
    assert.equal(bound.samples, undefined);
  });

  it("keeps the training loader's samples when the other is cycled, or when it walks one loader", async () => {
    const cycled = await planOf(SCRIPT(`Frames("target")`, "for (xs, ys), xt in zip(source_loader, itertools.cycle(target_loader)):"));
    assert.equal(cycled.samples?.value, 60000);
    const alone = await planOf(SCRIPT(`Frames("target")`, "for xs, ys in source_loader:"));
    assert.equal(alone.samples?.value, 60000);
  });
});
