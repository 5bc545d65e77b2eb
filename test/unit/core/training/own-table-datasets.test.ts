import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A project's own dataset class named as a table dataset (torchvision's VOCDetection, VOCSegmentation) has the table's
// samples only when its constructor selects the part as the library's does, with the library's defaults
// (src/core/training/own-code.ts, ownClassSelectsAsTable); one with a signature of its own reads files the table does
// not size.
const planOf = async (text: string, others: Record<string, string>): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const script = (name: string) => `import torch
from torch.utils.data import DataLoader
from data import *

trainset = ${name}(root="VOCdevkit")
loader = DataLoader(trainset, batch_size=8, shuffle=True)
net = torch.nn.Linear(4, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(3):
    for x, y in loader:
        opt.zero_grad()
        net(x).sum().backward()
        opt.step()
`;

const PACKAGE = `from .voc import VOCDetection, VOCSegmentation
`;

const VOC = `import torch.utils.data as data


class VOCDetection(data.Dataset):
    def __init__(self, root, image_sets=[("2007", "trainval"), ("2012", "trainval")], transform=None):
        self.root = root
        self.ids = []

    def __len__(self):
        return len(self.ids)


class VOCSegmentation(data.Dataset):
    def __init__(self, root, year="2012", image_set="train", download=False, transform=None):
        self.root = root
        self.images = []

    def __len__(self):
        return len(self.images)
`;

describe("a project's own class named as a table dataset (own table datasets)", () => {
  it("one with its own signature (a list of VOC years and sets) has no table samples", async () => {
    const plan = await planOf(script("VOCDetection"), { "/project/data/__init__.py": PACKAGE, "/project/data/voc.py": VOC });
    assert.equal(plan.samples, undefined);
    assert.equal(plan.batch?.value, 8);
  });

  it("one that copies torchvision's signature and defaults (year 2012, image_set train) has the table's training split", async () => {
    const plan = await planOf(script("VOCSegmentation"), { "/project/data/__init__.py": PACKAGE, "/project/data/voc.py": VOC });
    assert.equal(plan.samples?.value, 1464);
  });
});
