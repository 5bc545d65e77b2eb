import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A data module built by a library's classmethod constructor (`Data.from_folders(..., batch_size=4)`,
// `LightningDataModule.from_datasets(...)`) and given to fit or finetune: its batch is the constructor's
// (src/core/training/data-module-constructors.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (build: string, train: string, after = "") => `import torch
from torch import nn
import pytorch_lightning as pl
from somelib.data import ImageData

class Net(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.layer = nn.Linear(16, 2)

    def forward(self, x):
        return self.layer(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return nn.functional.cross_entropy(self(x), y)

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)

datamodule = ${build}
model = Net()
trainer = pl.Trainer(max_epochs=3)
${train}
${after}
`;

describe("data modules from classmethod constructors (src/core/training/data-module-constructors.ts)", () => {
  it("takes the batch_size= of the from_... call that built the data module fit trains on", async () => {
    const plan = await planOf(SCRIPT(`ImageData.from_folders(train_folder="data/train", batch_size=12)`, "trainer.fit(model, datamodule=datamodule)"));
    assert.equal(plan.batch?.value, 12);
    assert.equal(plan.batch?.source, "code");
    assert.equal(plan.epochs?.value, 3);
  });

  it("reads finetune as fit, and not a later rebinding of the name for prediction", async () => {
    const after = `datamodule = ImageData.from_files(predict_files=["a.jpg"], batch_size=3)\npredictions = trainer.predict(model, datamodule=datamodule)`;
    const plan = await planOf(SCRIPT(`ImageData.from_folders(train_folder="data/train", batch_size=6)`, `trainer.finetune(model, datamodule=datamodule, strategy="freeze")`, after));
    assert.equal(plan.batch?.value, 6);
  });

  it("reads Lightning Flash's Trainer (a Lightning Trainer subclass) for its epochs", async () => {
    const script = SCRIPT(`ImageData.from_folders(train_folder="data/train", batch_size=6)`, `trainer.finetune(model, datamodule=datamodule)`)
      .replace("import pytorch_lightning as pl\n", "import flash\nimport pytorch_lightning as pl\n")
      .replace("trainer = pl.Trainer(max_epochs=3)", "trainer = flash.Trainer(max_epochs=5)");
    assert.match(script, /flash\.Trainer\(max_epochs=5\)/);
    const plan = await planOf(script);
    assert.equal(plan.epochs?.value, 5);
    assert.equal(plan.batch?.value, 6);
  });

  it("gives Lightning's from_datasets its documented default batch of 1, and reads nothing from a constructor without batch_size", async () => {
    const fromDatasets = await planOf(SCRIPT(`pl.LightningDataModule.from_datasets(torch.utils.data.TensorDataset(torch.zeros(64, 16)))`, "trainer.fit(model, datamodule=datamodule)"));
    assert.equal(fromDatasets.batch?.value, 1);
    assert.equal(fromDatasets.batch?.source, "default");
    const unstated = await planOf(SCRIPT(`ImageData.from_folders(train_folder="data/train")`, "trainer.fit(model, datamodule=datamodule)"));
    assert.notEqual(unstated.batch?.source, "code");
  });
});
