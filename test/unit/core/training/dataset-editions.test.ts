import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Pascal VOC's sizes hold for one edition (year 2012, torchvision's default) and are chosen by `image_set`, not
// `split` (src/core/training/dataset-sizes.ts, dataset-calls.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (dataset: string) => `import torch
import torchvision
from torch import nn

model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 20))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
dataset = ${dataset}
loader = torch.utils.data.DataLoader(dataset, batch_size=64, shuffle=True, drop_last=True)

for epoch in range(10):
    for images, targets in loader:
        loss = model(images).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

describe("dataset editions and named split arguments (Pascal VOC)", () => {
  it("reads VOCDetection's 2012 train set by default, and its segmentation set", async () => {
    const plan = await planOf(SCRIPT(`torchvision.datasets.VOCDetection("data/voc", download=True)`));
    assert.equal(plan.samples?.value, 5717);
    assert.equal(plan.epochs?.value, 10);
    assert.equal(plan.batch?.value, 64);
    const segmentation = await planOf(SCRIPT(`torchvision.datasets.VOCSegmentation("data/voc", year="2012", image_set="train")`));
    assert.equal(segmentation.samples?.value, 1464);
  });

  it("leaves the samples unknown for another year or another image set", async () => {
    const older = await planOf(SCRIPT(`torchvision.datasets.VOCDetection("data/voc", year="2007")`));
    assert.equal(older.samples, undefined);
    const positional = await planOf(SCRIPT(`torchvision.datasets.VOCDetection("data/voc", "2007", "train")`));
    assert.equal(positional.samples, undefined);
    const validation = await planOf(SCRIPT(`torchvision.datasets.VOCDetection("data/voc", image_set="val")`));
    assert.equal(validation.samples, undefined);
  });
});

describe("other named parts a split= selects (STL10's unlabeled images, SVHN's extra digits)", () => {
  it("counts the part the split names, and none for a part the table does not size", async () => {
    const unlabeled = await planOf(SCRIPT(`torchvision.datasets.STL10("data", split="train+unlabeled", download=True)`));
    assert.equal(unlabeled.samples?.value, 105000);
    assert.match(unlabeled.samples?.detail ?? "", /"train\+unlabeled" part/);
    assert.equal((await planOf(SCRIPT(`torchvision.datasets.SVHN("data", "extra")`))).samples?.value, 531131);
    assert.equal((await planOf(SCRIPT(`torchvision.datasets.STL10("data", split="test")`))).samples, undefined);
    assert.equal((await planOf(SCRIPT(`torchvision.datasets.STL10("data")`))).samples?.value, 5000);
  });
});

describe("CelebA's partitions (train by default, valid, test, all)", () => {
  it("counts the training partition by default and the part split= names; 10 × ⌊202,599 / 64⌋ steps for all", async () => {
    assert.equal((await planOf(SCRIPT(`torchvision.datasets.CelebA("data", download=True)`))).samples?.value, 162770);
    const all = await planOf(SCRIPT(`torchvision.datasets.CelebA(root="data", split="all", download=True)`));
    assert.equal(all.samples?.value, 202599);
    assert.match(all.samples?.detail ?? "", /"all" part/);
    assert.equal(all.steps?.value ?? (all.epochs && all.samples && all.batch ? all.epochs.value * Math.floor(all.samples.value / all.batch.value) : undefined), 31650);
    assert.equal((await planOf(SCRIPT(`torchvision.datasets.CelebA("data", "valid")`))).samples?.value, 19867);
    assert.equal((await planOf(SCRIPT(`torchvision.datasets.CelebA("data", split="unknown-part")`))).samples, undefined);
  });
});
