import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A fast_dev_run Trainer built as a check before a Trainer that trains in full (lightning-fast-dev-run.ts,
// besideFullTrainer): the full Trainer's epochs are the run's, and a note tells of the check.
const script = (trainers: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
import pytorch_lightning as pl

class Net(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.layer = nn.Linear(16, 2)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return nn.functional.cross_entropy(self.layer(x), y)

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)

loader = DataLoader(TensorDataset(torch.randn(960, 16), torch.randint(0, 2, (960,))), batch_size=32, shuffle=True)
${trainers}
`;

const CHECK_THEN_RUN = `check = pl.Trainer(fast_dev_run=True)
check.fit(Net(), loader)
trainer = pl.Trainer(max_epochs=12)
trainer.fit(Net(), loader)`;

describe("a fast_dev_run check beside a Trainer that trains in full (besideFullTrainer)", () => {
  it("takes the full Trainer's epochs and says the check runs one batch", async () => {
    const training = (await analyze(script(CHECK_THEN_RUN))).training ?? {};
    assert.equal(training.epochs?.value, 12);
    assert.notEqual(training.steps?.value, 1);
    assert.ok(training.notes?.some((n) => /fast_dev_run.*runs 1 training batch as a check; the Trainer without it \(line 21\) trains in full/.test(n)), training.notes?.join("; "));
  });

  it("still runs the one dev batch where the dev Trainer is the only one, or the full one runs only on a flag", async () => {
    const only = (await analyze(script("trainer = pl.Trainer(max_epochs=12, fast_dev_run=True)\ntrainer.fit(Net(), loader)"))).training ?? {};
    assert.equal(only.epochs?.value, 1);
    assert.equal(only.steps?.value, 1);
    const gated = (await analyze(script(`import sys
check = pl.Trainer(fast_dev_run=True)
check.fit(Net(), loader)
if "--full" in sys.argv:
    trainer = pl.Trainer(max_epochs=12)
    trainer.fit(Net(), loader)`))).training ?? {};
    assert.equal(gated.steps?.value, 1);
  });
});
