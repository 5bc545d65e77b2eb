import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { callsLightningFit } from "../../../../src/core/training/foreign-lightning-fit";

// A script whose run is a function of another file that builds a Lightning Trainer and fits it.
const SCRIPT = `from tasks import fitting

if __name__ == "__main__":
    fitting.run(12)
`;
const FITTING = `import LIBRARY as pl
from tasks.net import Net


def run(epochs):
    model = Net()
    trainer = pl.Trainer(max_epochs=epochs, precision="bf16-mixed")
    trainer.fit(model)
`;
const NET = `import torch
from torch import nn
import pytorch_lightning as pl


class Net(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.layer = nn.Linear(4, 2)

    def forward(self, x):
        return self.layer(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return nn.functional.cross_entropy(self(x), y)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters())
`;
const files = (library: string) => ({
  "/project/tasks/__init__.py": "",
  "/project/tasks/fitting.py": FITTING.replace("LIBRARY", library),
  "/project/tasks/net.py": NET,
});

describe("a Lightning fit in a function of another file that the script calls", () => {
  it("reads that function's Trainer, Lightning's by its module's imports, with the call's arguments", async () => {
    const plan = (await analyze(SCRIPT, { others: files("pytorch_lightning") })).training ?? {};
    assert.equal(plan.epochs?.value, 12, plan.epochs?.detail);
    assert.match(plan.epochs!.detail, /fitting\.run\(12\) runs run in tasks\/fitting\.py/);
    assert.equal(plan.precision?.value, "bf16");
  });

  it("takes a fit for Lightning's only in a module that imports Lightning", async () => {
    assert.equal(callsLightningFit("    trainer.fit(model)\n", "import lightning as L\n"), true);
    assert.equal(callsLightningFit("    trainer.fit(model)\n", "import lightning.pytorch as pl\n"), true);
    assert.equal(callsLightningFit("    clf.fit(X, y)\n", "from sklearn.svm import SVC\n"), false);
    assert.equal(callsLightningFit("    trainer.train()\n", "import pytorch_lightning as pl\n"), false);
    const plan = (await analyze(SCRIPT, { others: files("sklearn_like") })).training ?? {};
    assert.equal(plan.epochs, undefined, "a fit of a library that is not Lightning runs nothing the analysis reads");
  });
});
