import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Lightning's Trainer(limit_train_batches=...): an int caps each epoch's batches, a fraction keeps that share of them.
const script = (limit: string, extra = "") => `import pytorch_lightning as pl
from torch.utils.data import DataLoader
from torchvision.datasets import MNIST
from torchvision import transforms
from models import LitNet

train = MNIST("data", train=True, download=True, transform=transforms.ToTensor())
train_loader = DataLoader(train, batch_size=100, shuffle=True)
trainer = pl.Trainer(max_epochs=10, limit_train_batches=${limit}${extra})
trainer.fit(LitNet(), train_loader)
`;

describe("Lightning's limit_train_batches", () => {
  it("runs a whole count of batches an epoch", async () => {
    const plan = (await analyze(script("30"))).training ?? {};
    assert.equal(plan.epochs?.value, 10);
    assert.equal(plan.steps?.value, 10 * 30);
    assert.match(plan.steps!.detail, /30 batches an epoch \(pl\.Trainer\(limit_train_batches=30\)\)/);
  });

  it("runs a fraction of the loader's batches, and no more batches than the loader has", async () => {
    // 60,000 MNIST images in batches of 100: 600 an epoch; a quarter is 150; a cap of 5,000 leaves all 600.
    assert.equal(((await analyze(script("0.25"))).training ?? {}).steps?.value, 10 * 150);
    assert.equal(((await analyze(script("5000"))).training ?? {}).steps?.value, 10 * 600);
  });

  it("groups the limited batches by the accumulation, stepping the last partial group", async () => {
    assert.equal(((await analyze(script("30", ", accumulate_grad_batches=4"))).training ?? {}).steps?.value, 10 * 8);
  });

  it("leaves the run alone at 1.0, every batch", async () => {
    const plan = (await analyze(script("1.0"))).training ?? {};
    assert.equal(plan.steps, undefined);
    assert.equal(plan.samples?.value, 60000);
  });
});

describe("a Lightning Trainer given its settings by a mapping spread into the call", () => {
  // `pl.Trainer(**config["trainer"])` over a YAML's `trainer:` section, read by yaml.safe_load or OmegaConf.load.
  const YAML = "trainer:\n  max_epochs: 4\n  precision: 16\n  limit_train_batches: 50\n";
  const spread = (load: string, section: string) => `import pytorch_lightning as pl
import yaml
from omegaconf import OmegaConf
from torch.utils.data import DataLoader
from torchvision.datasets import MNIST
from models import LitNet

config = ${load}
train_loader = DataLoader(MNIST("data", train=True), batch_size=100, shuffle=True)
trainer = pl.Trainer(**${section})
trainer.fit(LitNet(), train_loader)
`;

  it("reads max_epochs, precision and limit_train_batches from the dict or DictConfig it spreads", async () => {
    for (const [load, section] of [["yaml.safe_load(open('train.yaml'))", "config['trainer']"], ["OmegaConf.load('train.yaml')", "config.trainer"]]) {
      const plan = (await analyze(spread(load, section), { others: { "/project/train.yaml": YAML } })).training ?? {};
      assert.deepEqual([plan.epochs?.value, plan.precision?.value, plan.steps?.value], [4, "fp16", 4 * 50], load);
      assert.match(plan.epochs!.detail, /Trainer\(\*\*config.*\) with max_epochs=4/);
    }
  });

  it("a spread without max_epochs or max_steps is Lightning's 1000 epochs; one with max_steps is not", async () => {
    const none = (await analyze(spread("yaml.safe_load(open('train.yaml'))", "config['trainer']"), { others: { "/project/train.yaml": "trainer:\n  precision: 32\n" } })).training ?? {};
    assert.equal(none.epochs?.value, 1000);
    const steps = (await analyze(spread("yaml.safe_load(open('train.yaml'))", "config['trainer']"), { others: { "/project/train.yaml": "trainer:\n  max_steps: 900\n" } })).training ?? {};
    assert.equal(steps.epochs, undefined);
    assert.equal(steps.steps?.value, 900);
  });
});
