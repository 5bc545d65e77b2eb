import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { lightningDigitsNet } from "../../helpers/training-loop";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

// Scripts of our own in the two shapes LightningCLI is used in: run by its subcommand, and run=False with the
// script calling the trainer's fit itself.
const WITH_DEFAULTS = `import lightning.pytorch as pl
from lightning.pytorch.cli import LightningCLI

if __name__ == "__main__":
    cli = LightningCLI(
        pl.LightningModule,
        pl.LightningDataModule,
        subclass_mode_model=True,
        trainer_defaults={"max_epochs": 7, "precision": "bf16-mixed", "accumulate_grad_batches": 4, "log_every_n_steps": 5},
    )
`;

const RUN_FALSE = `from pytorch_lightning.cli import LightningCLI

if __name__ == "__main__":
    cli = LightningCLI(run=False)
    cli.trainer.fit(model=cli.model, datamodule=cli.datamodule)
`;

// LightningCLI(Model, DataModule): with no config, the data module is built with its defaults and fit on.
const WITH_CLASSES = `import torch
from torch import nn
from torch.utils.data import DataLoader, random_split
from torchvision import datasets
from lightning.pytorch import LightningDataModule, LightningModule
from lightning.pytorch.cli import LightningCLI

${lightningDigitsNet()}

class Digits(LightningDataModule):
    def __init__(self, root: str = "./data", batch_size: int = 64):
        super().__init__()
        self.root = root
        self.batch_size = batch_size

    def setup(self, stage: str):
        full = datasets.MNIST(self.root, train=True)
        self.fit_part, self.check_part = random_split(full, [50000, 10000])

    def train_dataloader(self):
        return DataLoader(self.fit_part, batch_size=self.batch_size, shuffle=True)


def main():
    LightningCLI(Net, Digits, trainer_defaults={"max_epochs": 3})


if __name__ == "__main__":
    main()
`;

describe("Lightning's LightningCLI", () => {
  it("reads trainer_defaults: max_epochs, precision and accumulate_grad_batches", async () => {
    const plan = await planOf(WITH_DEFAULTS);
    assert.deepEqual([plan.epochs?.value, plan.precision?.value, plan.accumulation?.value], [7, "bf16", 4]);
    assert.match(plan.epochs!.detail, /trainer_defaults/);
    const steps = await planOf(WITH_DEFAULTS.replace('"max_epochs": 7', '"max_steps": 3000'));
    assert.equal(steps.steps?.value, 3000);
  });

  it("without trainer_defaults the Trainer's own 1000 epochs; cli.trainer.fit is not Keras' fit (no batch 32, no 1 epoch)", async () => {
    const plan = await planOf(RUN_FALSE);
    assert.equal(plan.epochs?.value, 1000);
    assert.equal(plan.epochs?.source, "default");
    assert.equal(plan.batch, undefined);
  });

  it("a fit given a datamodule is Lightning's even on an unknown receiver; a Keras fit is still read", async () => {
    const lightning = await planOf("import lightning as L\n\ntrainer = make_trainer()\ntrainer.fit(model=net, datamodule=dm)\n");
    assert.notEqual(lightning.batch?.value, 32);
    const keras = await planOf("import keras\n\nmodel = keras.Sequential([keras.layers.Dense(1)])\nmodel.compile(loss='mse')\nmodel.fit(x, y, epochs=3)\n");
    assert.deepEqual([keras.epochs?.value, keras.batch?.value], [3, 32]);
  });

  it("fits on the data module class it is given, built with its defaults: its batch and split", async () => {
    const plan = await planOf(WITH_CLASSES);
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [3, 64, 50_000]);
    const subclassMode = await planOf(WITH_CLASSES.replace("LightningCLI(Net, Digits, ", "LightningCLI(Net, ")); // data from the command line
    assert.notEqual(subclassMode.batch?.value, 64);
  });

  // LightningCLI(Model): no data module class, so the CLI fits Model() alone and Lightning asks it for its loader.
  const MODEL_ONLY = (prepare: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader, random_split
from torchvision import datasets
from pytorch_lightning import LightningModule
from pytorch_lightning.cli import LightningCLI


class Digits(LightningModule):
    def __init__(self, width: int = 32, batch_size: int = 40):
        super().__init__()
        self.save_hyperparameters()
        self.layer = nn.Linear(784, 10)

    def forward(self, x):
        return self.layer(x.flatten(1))

    def training_step(self, batch, batch_idx):
        x, y = batch
        return nn.functional.cross_entropy(self(x), y)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters())

${prepare}

    def train_dataloader(self):
        return DataLoader(self.fit_part, batch_size=self.hparams.batch_size)


if __name__ == "__main__":
    cli = LightningCLI(Digits, run=False)
    cli.trainer.fit(cli.model, datamodule=cli.datamodule)
`;

  it("with a model class alone fits Model() on its own loader: its hparams batch and the split its setup makes", async () => {
    const plan = await planOf(MODEL_ONLY(`    def setup(self, stage=None):
        self.fit_part, self.check_part = random_split(datasets.MNIST("data", train=True), [54000, 6000])`));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [1000, 40, 54_000]);
  });

  it("reads the split prepare_data makes on the model, as Lightning calls it before setup, with the model in another file", async () => {
    const [module, script] = MODEL_ONLY(`    def prepare_data(self):
        full = datasets.MNIST("data", train=True, download=True)
        self.fit_part, self.check_part = random_split(full, [50000, 10000])`).split('\n\nif __name__ == "__main__":\n');
    const main = `from pytorch_lightning.cli import LightningCLI\nfrom digits import Digits\n\nif __name__ == "__main__":\n${script}`;
    const plan = (await analyze(main, { others: { "/project/digits.py": module } })).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.samples?.value], [40, 50_000]);
  });

  // parser_kwargs={"default_config_files": [...]}: the YAML the CLI reads when the command line names no config.
  const DEFAULTS_YAML = "trainer:\n  max_epochs: 5\n  precision: 16-mixed\n  accumulate_grad_batches: 2\n  limit_train_batches: 100\ndata:\n  batch_size: 32\n";
  const withFiles = (kwargs: string) => WITH_CLASSES.replace('LightningCLI(Net, Digits, trainer_defaults={"max_epochs": 3})', `LightningCLI(Net, Digits, trainer_defaults={"max_epochs": 3}, parser_kwargs=${kwargs})`);

  it("reads its default config files over trainer_defaults: the trainer's epochs, precision, accumulation and batch limit, and the data module's init arguments", async () => {
    const result = await analyze(withFiles('{"default_config_files": ["configs/defaults.yaml"]}'), { others: { "/project/configs/defaults.yaml": DEFAULTS_YAML } });
    const plan = result.training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.precision?.value, plan.accumulation?.value, plan.batch?.value, plan.samples?.value], [5, "fp16", 2, 32, 50_000]);
    assert.match(plan.epochs!.detail, /default config file configs\/defaults\.yaml: trainer\.max_epochs: 5/);
    // 100 of the 1,563 batches an epoch, grouped by 2: 50 steps an epoch.
    assert.equal(plan.steps?.value, 250);
    const fit = await analyze(withFiles('{"fit": {"default_config_files": ["configs/defaults.yaml"]}}'), { others: { "/project/configs/defaults.yaml": DEFAULTS_YAML } });
    assert.equal(fit.training?.epochs?.value, 5);
  });

  it("a default config file that is not there leaves trainer_defaults and the data module's defaults", async () => {
    const plan = await planOf(withFiles('{"default_config_files": ["configs/missing.yaml"]}'));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.precision], [3, 64, undefined]);
  });

  it("a LightningCLI of another library is not read", async () => {
    const plan = await planOf(WITH_DEFAULTS.replace("from lightning.pytorch.cli import LightningCLI", "from mytools import LightningCLI").replace("import lightning.pytorch as pl", "import mytools as pl"));
    // (dict keys named max_epochs or accumulate_grad_batches still count as config constants do, at a lower rank)
    assert.doesNotMatch(plan.epochs?.detail ?? "", /LightningCLI/);
    assert.equal(plan.precision, undefined);
  });
});
