import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { lightningDigitsNet } from "../../helpers/training-loop";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Lightning 1.x builds a Trainer or a data module from an argparse namespace: `X.from_argparse_args(args, **kw)` takes
// the namespace's fields that match X.__init__'s parameters, the keywords over them, and the other parameters keep
// their defaults (src/core/lightning/modules.ts, src/core/training/lightning-trainer.ts).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

// A data module in the shape of a library's: a base class that splits its dataset by `val_split` (a count or a
// fraction) in helpers, and a subclass that names the dataset.
const BASE = `from pytorch_lightning import LightningDataModule
from torch.utils.data import DataLoader, random_split

class SplitModule(LightningDataModule):
    dataset_cls = None

    def __init__(self, data_dir=None, val_split=0.2, batch_size=32, drop_last=False, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.data_dir = data_dir
        self.val_split = val_split
        self.batch_size = batch_size
        self.drop_last = drop_last

    def setup(self, stage=None):
        if stage == "fit" or stage is None:
            full = self.dataset_cls(self.data_dir, train=True)
            self.dataset_train = self._split(full)

    def _split(self, dataset, train=True):
        first, second = random_split(dataset, self._lengths(len(dataset)))
        if train:
            return first
        return second

    def _lengths(self, total):
        if isinstance(self.val_split, int):
            return [total - self.val_split, self.val_split]
        elif isinstance(self.val_split, float):
            held = int(self.val_split * total)
            return [total - held, held]
        raise ValueError("val_split")

    def train_dataloader(self):
        return self._loader(self.dataset_train, shuffle=True)

    def _loader(self, dataset, shuffle=False):
        return DataLoader(dataset, batch_size=self.batch_size, shuffle=shuffle, drop_last=self.drop_last)
`;
const DIGITS = `from torchvision.datasets import MNIST
from base import SplitModule

class DigitsModule(SplitModule):
    dataset_cls = MNIST
`;

const SCRIPT = (options: string, make: string, trainer: string) => `from argparse import ArgumentParser
import torch
from torch import nn
from pytorch_lightning import LightningModule, Trainer
from digits import DigitsModule

${lightningDigitsNet("**kwargs")}

def main():
    parser = ArgumentParser()
    parser = Trainer.add_argparse_args(parser)
${options}
    args = parser.parse_args()
    dm = ${make}
    model = Net(**vars(args))
    trainer = ${trainer}
    trainer.fit(model, datamodule=dm)

if __name__ == "__main__":
    main()
`;
const FILES = { "/project/base.py": BASE, "/project/digits.py": DIGITS };

describe("Lightning 1.x from_argparse_args (src/core/lightning/modules.ts, src/core/training/lightning-trainer.ts)", () => {
  it("a data module built from a namespace keeps __init__'s defaults for the fields the parser lacks: batch 32, a 0.2 split of 60,000", async () => {
    const plan = await planOf(SCRIPT("", "DigitsModule.from_argparse_args(args)", "Trainer.from_argparse_args(args)"), FILES);
    assert.equal(plan.batch?.value, 32);
    assert.equal(plan.samples?.value, 48000);
    // Neither max_epochs nor max_steps: Lightning's 1000.
    assert.equal(plan.epochs?.value, 1000);
  });

  it("takes the namespace's fields that match __init__'s parameters, then the keywords over them", async () => {
    const options = `    parser.add_argument("--batch_size", type=int, default=100)
    parser.add_argument("--val_split", type=int, default=10000)
    parser.add_argument("--max_epochs", type=int, default=7)
    parser.add_argument("--accumulate_grad_batches", type=int, default=4)`;
    const plan = await planOf(SCRIPT(options, "DigitsModule.from_argparse_args(args)", "Trainer.from_argparse_args(args)"), FILES);
    assert.equal(plan.batch?.value, 100);
    assert.equal(plan.samples?.value, 50000);
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.accumulation?.value, 4);
    const given = await planOf(SCRIPT(options, "DigitsModule.from_argparse_args(args, batch_size=50)", "Trainer.from_argparse_args(args, max_epochs=3, precision=16)"), FILES);
    assert.equal(given.batch?.value, 50);
    assert.equal(given.epochs?.value, 3);
    assert.equal(given.precision?.value, "fp16");
  });

  it("reads a precision the namespace holds, and none when the parser does not define it", async () => {
    const withPrecision = await planOf(SCRIPT(`    parser.add_argument("--precision", default="bf16-mixed")`, "DigitsModule(batch_size=8)", "Trainer.from_argparse_args(args)"), FILES);
    assert.equal(withPrecision.precision?.value, "bf16");
    const without = await planOf(SCRIPT("", "DigitsModule(batch_size=8)", "Trainer.from_argparse_args(args)"), FILES);
    assert.equal(without.precision, undefined);
    assert.equal(without.batch?.value, 8);
  });

  it("follows a data module class imported inside the function that builds it", async () => {
    const script = SCRIPT("", "DigitsModule.from_argparse_args(args)", "Trainer.from_argparse_args(args, max_epochs=2)")
      .replace("from digits import DigitsModule\n", "")
      .replace("def main():\n", "def main():\n    from digits import DigitsModule\n");
    assert.match(script, /^ {4}from digits import DigitsModule$/m);
    const plan = await planOf(script, FILES);
    assert.equal(plan.batch?.value, 32);
    assert.equal(plan.samples?.value, 48000);
    assert.equal(plan.epochs?.value, 2);
  });

  it("reads Trainer(accumulate_grad_batches=N) as micro-batches per optimizer step", async () => {
    const plan = await planOf(SCRIPT("", "DigitsModule()", "Trainer(max_epochs=2, accumulate_grad_batches=8)"), FILES);
    assert.equal(plan.accumulation?.value, 8);
    assert.equal(plan.epochs?.value, 2);
  });
});
