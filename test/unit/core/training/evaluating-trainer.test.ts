import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { evaluatingTrainerNames, trainerOnlyEvaluates } from "../../../../src/core/training/evaluating-trainer";

// A Lightning Trainer that only tests, validates or predicts trains nothing (src/core/training/evaluating-trainer.ts).
const SCRIPT = (use: string) => `import torch
from torch import nn
import lightning.pytorch as pl
from torch.utils.data import DataLoader, TensorDataset


class Scorer(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.net = nn.Linear(6, 3)

    def forward(self, x):
        return self.net(x)

    def test_step(self, batch, batch_idx):
        x, y = batch
        self.log("acc", (self(x).argmax(1) == y).float().mean())


batch_size = 48
loader = DataLoader(TensorDataset(torch.zeros(480, 6), torch.zeros(480).long()), batch_size=batch_size)
model = Scorer()
for dropout in [False, True]:
    trainer = pl.Trainer(fast_dev_run=False, accelerator="cpu")
${use}
`;

describe("Lightning Trainers that only evaluate", () => {
  it("give no run: neither Lightning's default 1000 epochs nor the loader's batch", async () => {
    const result = await analyze(SCRIPT("    trainer.test(model, loader)\n    trainer.validate(model, loader)"));
    assert.equal(result.training?.epochs, undefined);
    assert.equal(result.training?.batch, undefined);
  });

  it("keep the run of a Trainer the file fits", async () => {
    const result = await analyze(SCRIPT("    trainer.fit(model, loader)\n    trainer.test(model, loader)"));
    assert.equal(result.training?.epochs?.value, 1000);
    assert.equal(result.training?.batch?.value, 48);
  });

  it("read past comments that name the trainer (`# model and trainer`, a fit left out)", async () => {
    const result = await analyze(SCRIPT("    # model and trainer: trainer.fit(model, loader) ran elsewhere\n    trainer.test(model, loader)"));
    assert.equal(result.training?.epochs, undefined);
    assert.equal(result.training?.batch, undefined);
  });

  it("read a Trainer handed to another call as one that may train", () => {
    assert.equal(trainerOnlyEvaluates("trainer", "trainer = pl.Trainer()\nrun(trainer)\ntrainer.test(m)"), false);
    assert.equal(trainerOnlyEvaluates("trainer", "trainer = pl.Trainer()\ntrainer.predict(m, dl)"), true);
    assert.deepEqual(evaluatingTrainerNames("t = Trainer(max_epochs=3)\nt.test(m)\nu = Trainer()\nu.fit(m)"), undefined);
  });
});
