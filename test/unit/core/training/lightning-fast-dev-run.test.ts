import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Lightning's fast_dev_run: one epoch of n batches whatever max_epochs says (src/core/training/lightning-fast-dev-run.ts).
const script = (trainer: string) => `import torch
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
trainer = pl.Trainer(${trainer})
trainer.fit(Net(), loader)
`;

describe("Lightning's fast_dev_run (lightning-fast-dev-run.ts)", () => {
  it("runs one epoch of one batch for True, whatever max_epochs says", async () => {
    const training = (await analyze(script("max_epochs=20, fast_dev_run=True"))).training ?? {};
    assert.equal(training.epochs?.value, 1);
    assert.equal(training.steps?.value, 1);
    assert.equal(training.batch?.value, 32);
  });

  it("runs n batches grouped by the accumulation for an int, and nothing changes for False", async () => {
    const counted = (await analyze(script("max_epochs=20, fast_dev_run=5, accumulate_grad_batches=2"))).training ?? {};
    assert.equal(counted.epochs?.value, 1);
    assert.equal(counted.steps?.value, 3);
    const off = (await analyze(script("max_epochs=20, fast_dev_run=False"))).training ?? {};
    assert.equal(off.epochs?.value, 20);
    assert.notEqual(off.steps?.value, 1);
  });

  it("reads it in a Hydra config the script instantiates as its Trainer", async () => {
    const text = `import hydra
from hydra.utils import instantiate
import torch
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

@hydra.main(config_path="conf", config_name="config")
def main(cfg):
    loader = DataLoader(TensorDataset(torch.randn(960, 16), torch.randint(0, 2, (960,))), batch_size=32)
    trainer = instantiate(cfg.trainer)
    trainer.fit(Net(), loader)

if __name__ == "__main__":
    main()
`;
    const config = "defaults:\n  - trainer: quick\n";
    const trainer = "_target_: pytorch_lightning.Trainer\nmax_epochs: 50\nfast_dev_run: true\n";
    const training = (await analyze(text, { others: { "/project/conf/config.yaml": config, "/project/conf/trainer/quick.yaml": trainer } })).training ?? {};
    assert.equal(training.epochs?.value, 1);
    assert.equal(training.steps?.value, 1);
  });
});
