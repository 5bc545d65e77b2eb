import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A Lightning Trainer given `**settings` from a YAML file the workspace lacks may set max_epochs through it: the
// library's default of 1000 epochs is no figure then (src/core/training/unknown-spread.ts).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const SCRIPT = (spread: string) => `import yaml
import torch
import pytorch_lightning as pl
from torch.utils.data import DataLoader, TensorDataset


class Tiny(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.lin = torch.nn.Linear(3, 1)

    def forward(self, x):
        return self.lin(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return ((self(x) - y) ** 2).mean()

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)


with open("settings/run.yaml") as f:
    settings = yaml.safe_load(f)

rows = TensorDataset(torch.randn(640, 3), torch.randn(640, 1))
trainer = pl.Trainer(${spread})
trainer.fit(Tiny(), DataLoader(rows, batch_size=64))
`;

describe("a Lightning Trainer given a mapping the analysis cannot read (src/core/training/unknown-spread.ts)", () => {
  it("takes no default epoch count where **settings of an absent file may set max_epochs", async () => {
    const plan = await planOf(SCRIPT(`accelerator="cpu", **settings["trainer"]`));
    assert.equal(plan.epochs?.value, undefined);
  });

  it("keeps the documented 1000 where the spread mapping is read and names neither", async () => {
    const plan = await planOf(SCRIPT(`**{"accelerator": "cpu"}`));
    assert.equal(plan.epochs?.value, 1000);
  });

  it("reads max_epochs from the settings file where the workspace has it", async () => {
    const plan = await planOf(SCRIPT(`**settings["trainer"]`), { "/project/settings/run.yaml": "trainer:\n  max_epochs: 7\n" });
    assert.equal(plan.epochs?.value, 7);
  });
});
