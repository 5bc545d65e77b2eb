import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A config function that returns its loaders in a dict, one key of which the script hands to a trainer whose method
// passes it on to a self helper that walks it (src/core/training/returned-dict-loader.ts). Files written for this test.
const config = (trainLoader: string) => `import json
import torch
from torch.utils.data import DataLoader, TensorDataset

def config_trainer():
    with open("/data/absent/annotations.json") as f:
        meta = json.load(f)
    train_set = TensorDataset(torch.randn(50, 10), torch.randint(0, 2, (50,)))
    val_set = TensorDataset(torch.randn(20, 10), torch.randint(0, 2, (20,)))
    train_loader = ${trainLoader}
    val_loader = DataLoader(val_set, 2)
    config = {"train_loader": train_loader, "val_loader": val_loader, "num_epochs": 7}
    return config
`;
const trainer = `import torch
from tqdm import tqdm

class Trainer:
    def __init__(self, model):
        self.model = model
        self.opt = torch.optim.SGD(model.parameters(), lr=0.1)

    def fit(self, train_loader, num_epochs, val_loader=None):
        for epoch in range(1, num_epochs + 1):
            self.epoch_pass(which="train", loader=train_loader)
            if val_loader is not None:
                self.epoch_pass(which="val", loader=val_loader)

    def epoch_pass(self, which, loader):
        pbar = tqdm(loader)
        for i, (x, y) in enumerate(pbar):
            if which == "train":
                loss = torch.nn.functional.cross_entropy(self.model(x), y)
                self.opt.zero_grad()
                loss.backward()
                self.opt.step()
`;
const script = `import torch
from config import config_trainer
from trainer import Trainer

config = config_trainer()

if __name__ == "__main__":
    trainer = Trainer(torch.nn.Linear(10, 2))
    trainer.fit(train_loader=config["train_loader"], num_epochs=7, val_loader=config["val_loader"])
`;

const planOf = async (trainLoader: string) => (await analyze(script, { others: { "/project/config.py": config(trainLoader), "/project/trainer.py": trainer } })).training;

describe("a loader a config function returns under a dict key, handed to a trainer", () => {
  it("has the batch the function builds it with", async () => {
    const plan = await planOf("DataLoader(train_set, 32, shuffle=True)");
    assert.equal(plan?.batch?.value, 32);
    assert.match(plan?.batch?.detail ?? "", /DataLoader\(train_set, 32/);
  });

  it("by keyword, the same", async () => {
    const plan = await planOf("DataLoader(train_set, batch_size=8)");
    assert.equal(plan?.batch?.value, 8);
  });

  it("a key bound to something else than a DataLoader gives none", async () => {
    const plan = await planOf("make_batches(train_set, 32)");
    assert.notEqual(plan?.batch?.value, 32);
  });
});
