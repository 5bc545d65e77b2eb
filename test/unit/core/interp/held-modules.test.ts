import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";

// A trainer class of the workspace that builds its network in __init__ and trains it in a method.
const TRAINER = `import torch
import torch.nn as nn

class Trainer(object):
    def __init__(self, config, loader):
        self.loader = loader
        self.epochs = config.epochs
        self.model = nn.Sequential(nn.Linear(config.features, config.hidden), nn.ReLU(), nn.Linear(config.hidden, 10))
        self.criterion = nn.CrossEntropyLoss()
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=0.1)

    def train(self):
        for epoch in range(self.epochs):
            for x, y in self.loader:
                self.optimizer.zero_grad()
                self.criterion(self.model(x), y).backward()
                self.optimizer.step()
`;

describe("models a trainer object of the workspace holds (src/core/interp/held-modules.ts)", () => {
  it("lists the module a trainer built in another file holds, with the script's arguments, and not its loss", async () => {
    const result = await analyze(`import argparse
from trainer import Trainer

def main(config):
    trainer = Trainer(config, None)
    trainer.train()

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--features", type=int, default=20)
    parser.add_argument("--hidden", type=int, default=50)
    parser.add_argument("--epochs", type=int, default=3)
    main(parser.parse_args())
`, { others: { "/project/trainer.py": TRAINER } });
    assert.deepEqual(result.models.map((m) => m.name), ["trainer.model"], "the criterion is what it trains against");
    const m = modelNamed(result, "trainer.model");
    assert.equal(m.params, 20 * 50 + 50 + 50 * 10 + 10);
    assert.equal(m.line, 5);
  });

  it("lists nothing for a holder without modules", async () => {
    const result = await analyze(`from helper import Runner

def main():
    runner = Runner(3)
    runner.train()

main()
`, { others: { "/project/helper.py": "class Runner:\n    def __init__(self, n):\n        self.n = n\n\n    def train(self):\n        return self.n\n" } });
    assert.equal(result.models.length, 0);
  });
});
