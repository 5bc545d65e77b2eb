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
