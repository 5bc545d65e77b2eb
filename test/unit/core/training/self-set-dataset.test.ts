import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A data module's setup sets `self.<name>` from a helper of another file; train_dataloader batches it (self-set-dataset.ts).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const HELPER = (cls: string) => `from torchvision import datasets, transforms

def load_images():
    return datasets.${cls}(root="./data", train=True, download=True, transform=transforms.ToTensor())
`;

const SCRIPT = `import torch
import torch.nn as nn
import pytorch_lightning as pl
from torch.utils.data import DataLoader
from helper import load_images

class Images(pl.LightningDataModule):
    def __init__(self, batch_size=32):
        super().__init__()
        self.batch_size = batch_size

    def setup(self, stage=None):
        self.images = load_images()

    def train_dataloader(self):
        return DataLoader(self.images, batch_size=self.batch_size, shuffle=True)

class Net(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3072, 10)
    def forward(self, x):
        return self.fc(x.flatten(1))
    def training_step(self, batch, i):
        x, y = batch
        return nn.functional.cross_entropy(self(x), y)
    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters())

pl.Trainer(max_epochs=2).fit(Net(), Images(batch_size=250))
`;

describe("a data module's dataset set in setup by another file's helper (src/core/training/self-set-dataset.ts)", () => {
  it("samples are the training split of the dataset the helper returns", async () => {
    const plan = await planOf(SCRIPT, { "/project/helper.py": HELPER("CIFAR10") });
    assert.equal(plan.batch?.value, 250);
    assert.equal(plan.samples?.value, 50000);
    assert.match(plan.samples!.detail, /self\.images is CIFAR10/);
  });

  it("a helper returning no dataset the table knows leaves the samples unknown", async () => {
    const plan = await planOf(SCRIPT, { "/project/helper.py": "def load_images():\n    return list(range(10))\n" });
    assert.equal(plan.samples?.value === 50000, false);
  });
});
