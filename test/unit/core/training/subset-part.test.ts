import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A table dataset that another file's loader method narrows with torch's Subset before its loader
// (src/core/training/subset-part.ts, read in loader-functions.ts datasetLength). Files written for this test.
const planOf = async (text: string, others: Record<string, string>): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const FEEDER = (indices: string) => `import torch
import torchvision
import torch.utils.data as tud

class Feeder:
    def __init__(self, batch, kept):
        self.batch = batch
        self.kept = kept

    def loaders(self):
        pool = torchvision.datasets.FashionMNIST(root="./cache", train=True, download=True)
        picks = ${indices}
        pool = tud.Subset(pool, picks)
        return tud.DataLoader(pool, batch_size=self.batch, shuffle=True)
`;
const SCRIPT = `import torch
from torch import nn
from feeding.feeder import Feeder

def run():
    net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    feeder = Feeder(batch=50, kept=12000)
    loader = feeder.loaders()
    for epoch in range(4):
        for images, labels in loader:
            opt.zero_grad()
            loss = nn.functional.cross_entropy(net(images), labels)
            loss.backward()
            opt.step()

if __name__ == "__main__":
    run()
`;

describe("a Subset of a table dataset in another file's loader method (src/core/training/subset-part.ts)", () => {
  it("walks the Subset's indices, not the whole training split", async () => {
    const plan = await planOf(SCRIPT, { "/project/feeding/__init__.py": "", "/project/feeding/feeder.py": FEEDER("torch.arange(self.kept)") });
    assert.equal(plan.batch?.value, 50);
    assert.equal(plan.samples?.value, 12000);
    assert.match(plan.samples?.detail ?? "", /Subset\(pool, \.\.\.\), 12000 of/);
  });

  it("a list of indices counts as its length", async () => {
    const plan = await planOf(SCRIPT, { "/project/feeding/__init__.py": "", "/project/feeding/feeder.py": FEEDER("list(range(0, self.kept, 2))") });
    assert.equal(plan.samples?.value, 6000);
  });

  it("indices of unknown count leave the samples unknown, not the whole split", async () => {
    const plan = await planOf(SCRIPT, { "/project/feeding/__init__.py": "", "/project/feeding/feeder.py": FEEDER("torch.load('picked.pt')") });
    assert.equal(plan.batch?.value, 50);
    assert.equal(plan.samples, undefined);
  });
});
