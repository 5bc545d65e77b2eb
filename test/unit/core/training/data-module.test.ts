import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { linearLoop, lightningDigitsNet } from "../../helpers/training-loop";

// Lightning's `trainer.fit(model, datamodule=dm)` trains on dm.train_dataloader() after dm.setup(): its batch and
// samples are read in those methods, with `self` the object the script built (src/core/training/data-module.ts); a
// split helper of the code's own returns a random_split part (src/core/training/split-helpers.ts).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const DATA = (parts: string, batch: number) => `from pytorch_lightning import LightningDataModule
from torchvision import datasets
from torch.utils.data import DataLoader, random_split

class Digits(LightningDataModule):
    def __init__(self, root="./data", batch_size=${batch}):
        super().__init__()
        self.root = root
        self.batch_size = batch_size

    def setup(self, stage=None):
        self.held = datasets.MNIST(self.root, train=False)
        full = datasets.MNIST(self.root, train=True)
        self.fit_part, self.check_part = random_split(full, [${parts}])

    def train_dataloader(self):
        return DataLoader(self.fit_part, batch_size=self.batch_size, shuffle=True)

    def val_dataloader(self):
        return DataLoader(self.check_part, batch_size=500)
`;

const SCRIPT = (make: string, fit: string) => `import torch
from torch import nn
from pytorch_lightning import LightningModule, Trainer
from data import Digits

${lightningDigitsNet()}

dm = ${make}
model = Net()
trainer = Trainer(max_epochs=4)
${fit}
`;

describe("Lightning data modules and split helpers (src/core/training/data-module.ts, split-helpers.ts)", () => {
  it("fit(model, datamodule=dm) takes the batch of dm.train_dataloader and the first random_split part of dm.setup, in another file", async () => {
    const plan = await planOf(SCRIPT("Digits()", "trainer.fit(model, datamodule=dm)"), { "/project/data.py": DATA("54000, 6000", 48) });
    assert.equal(plan.epochs?.value, 4);
    assert.equal(plan.batch?.value, 48);
    assert.equal(plan.samples?.value, 54000);
    assert.match(plan.batch!.detail, /Digits\.train_dataloader in data\.py/);
    // The object's own arguments are the ones Lightning's methods see.
    const other = await planOf(SCRIPT("Digits(batch_size=20)", "trainer.fit(model, dm)"), { "/project/data.py": DATA("50000, 10000", 48) });
    assert.equal(other.batch?.value, 20);
    assert.equal(other.samples?.value, 50000);
  });

  it("reads nothing from a data module that fit is not given", async () => {
    const plan = await planOf(SCRIPT("Digits(batch_size=20)", "trainer.fit(model)"), { "/project/data.py": DATA("50000, 10000", 48) });
    assert.notEqual(plan.batch?.value, 20);
    assert.notEqual(plan.samples?.value, 50000);
  });

  it("a lightning-bolts data module (not installed) gives its batch_size, else its documented default 32, where the plain run builds it", async () => {
    const bolts = (make: string) => `import pytorch_lightning as pl
from pl_bolts.datamodules import CIFAR10DataModule, ImagenetDataModule
from argparse import ArgumentParser

parser = ArgumentParser()
parser.add_argument("--dataset", type=str, default="cifar10")
args = parser.parse_args()
if args.dataset == "cifar10":
    dataset = ${make}
else:
    dataset = ImagenetDataModule(".", batch_size=7)
trainer = pl.Trainer(max_epochs=6)
trainer.fit(object(), dataset)
`;
    const fallback = (await planOf(bolts(`CIFAR10DataModule(".")`))).batch;
    assert.equal(fallback?.value, 32);
    assert.equal(fallback?.source, "default");
    assert.equal((await planOf(bolts(`CIFAR10DataModule(".", batch_size=64)`))).batch?.value, 64);
  });

  const HELPER = (returned: string, call: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader, random_split
from torchvision.datasets import CIFAR10

def get_splits(n, val_split):
    if isinstance(val_split, int):
        return [n - val_split, val_split]
    held = int(val_split * n)
    return [n - held, held]

def split_dataset(dataset, val_split=0.2, train=True):
    n = len(dataset)
    sizes = get_splits(n, val_split)
    first, second = random_split(dataset, sizes)
    ${returned}

dataset_train = CIFAR10("data", train=True)
dataset_train = ${call}
loader = DataLoader(dataset_train, batch_size=100, shuffle=True)
${linearLoop("loader")}
`;

  it("a helper returning a random_split part gives that part's length, worked out from the dataset's size and the call's arguments", async () => {
    const branch = "if train:\n        return first\n    return second";
    assert.equal((await planOf(HELPER(branch, "split_dataset(dataset_train)"))).samples?.value, 40000);
    assert.equal((await planOf(HELPER(branch, "split_dataset(dataset_train, val_split=5000)"))).samples?.value, 45000);
    assert.equal((await planOf(HELPER(branch, "split_dataset(dataset_train, 0.1, train=False)"))).samples?.value, 5000);
    // A helper that returns no part by name leaves the dataset's own size.
    assert.equal((await planOf(HELPER("return dataset", "split_dataset(dataset_train)"))).samples?.value, 50000);
  });

  it("fit(system) with no data takes the LightningModule's own train_dataloader, its batch from Lightning 1.x `self.hparams`", async () => {
    const plan = await planOf(`import argparse
import torch
from torch.utils.data import DataLoader
from torchvision import datasets
from pytorch_lightning import LightningModule, Trainer

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", type=int, default=1024)
parser.add_argument("--num_epochs", type=int, default=16)


class System(LightningModule):
    def __init__(self, hparams):
        super().__init__()
        self.hparams = hparams
        self.net = torch.nn.Linear(784, 10)

    def setup(self, stage):
        self.train_dataset = datasets.MNIST("./data", train=True)

    def train_dataloader(self):
        return DataLoader(self.train_dataset, shuffle=True, batch_size=self.hparams.batch_size)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return torch.nn.functional.cross_entropy(self.net(x.flatten(1)), y)

    def configure_optimizers(self):
        return torch.optim.Adam(self.net.parameters())


if __name__ == "__main__":
    hparams = parser.parse_args()
    system = System(hparams)
    trainer = Trainer(max_epochs=hparams.num_epochs)
    trainer.fit(system)
`);
    assert.equal(plan.epochs?.value, 16);
    assert.equal(plan.batch?.value, 1024);
    assert.equal(plan.samples?.value, 60000);
  });

  // Lightning calls prepare_data() before setup() and train_dataloader(); a module of another file that builds its
  // dataset there trains on it (lightning.ai/docs/pytorch/stable/data/datamodule.html, "prepare_data").
  it("reads the dataset a LightningModule of another file builds in prepare_data", async () => {
    const plan = await planOf(`from pytorch_lightning import Trainer
from model.classifier import Classifier

model = Classifier(128)
trainer = Trainer(max_epochs=3)
trainer.fit(model)
`, { "/project/model/classifier.py": `import os
import torch
from torch.utils.data import DataLoader
from torchvision.datasets import FashionMNIST
from pytorch_lightning import LightningModule


class Classifier(LightningModule):
    def __init__(self, batch_size):
        super().__init__()
        self.batch_size = batch_size
        self.net = torch.nn.Linear(784, 10)

    def prepare_data(self):
        self.train_set = FashionMNIST(os.getcwd(), train=True, download=True)

    def train_dataloader(self):
        return DataLoader(self.train_set, self.batch_size, num_workers=2)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return torch.nn.functional.cross_entropy(self.net(x.flatten(1)), y)

    def configure_optimizers(self):
        return torch.optim.Adam(self.net.parameters())
` });
    // Before: samples unknown (prepare_data not read), so no steps.
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [3, 128, 60000]);
  });
});
