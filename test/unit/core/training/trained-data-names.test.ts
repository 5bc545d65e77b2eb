import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Loaders a workspace function returns into names that say nothing of loaders (`tr, te = make_data()`): the run's
// loader is the one the script hands its training, a walked parameter or a framework's entry.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const DATA = `import torch
from torch.utils.data import DataLoader, TensorDataset

SIZE = 24

def make_data():
    train_set = TensorDataset(torch.randn(600, 8), torch.randint(0, 2, (600,)))
    test_set = TensorDataset(torch.randn(100, 8), torch.randint(0, 2, (100,)))
    return DataLoader(train_set, batch_size=SIZE, shuffle=True), DataLoader(test_set, batch_size=SIZE)
`;

const LOOP = (step: string) => `import torch
import torch.nn as nn
from data import make_data

net = nn.Linear(8, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)

def one_step(x, y):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(net(x), y)
    loss.backward()
    opt.step()

def fit(epochs, batches):
    for epoch in range(epochs):
        for x, y in batches:
            ${step}

if __name__ == "__main__":
    tr, te = make_data()
    fit(4, tr)
`;

describe("data handed to training under any name (src/core/training/trained-data-names.ts)", () => {
  it("a loop over a parameter, stepping through a function of the file, trains on what the call passes: the returned loader's batch", async () => {
    const plan = await planOf(LOOP("one_step(x, y)"), { "/project/data.py": DATA });
    assert.equal(plan.batch?.value, 24);
    assert.equal(plan.epochs?.value, 4);
    assert.equal(plan.samples?.value, 600);
  });

  it("a loop that never backpropagates hands nothing on: the names stay unread", async () => {
    const plan = await planOf(LOOP("print(x.shape)"), { "/project/data.py": DATA });
    assert.notEqual(plan.batch?.value, 24);
  });

  it("Lightning's `trainer.fit(model, tr)` trains on tr", async () => {
    const script = `import pytorch_lightning as pl
import torch
import torch.nn as nn
from data import make_data

class Lit(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.net = nn.Linear(8, 2)
    def forward(self, x):
        return self.net(x)
    def training_step(self, batch, i):
        x, y = batch
        return nn.functional.cross_entropy(self(x), y)
    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)

if __name__ == "__main__":
    tr, te = make_data()
    pl.Trainer(max_epochs=3).fit(Lit(), tr, te)
`;
    const plan = await planOf(script, { "/project/data.py": DATA });
    assert.equal(plan.batch?.value, 24);
    assert.equal(plan.samples?.value, 600);
  });
});
