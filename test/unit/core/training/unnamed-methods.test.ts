import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Our own runner class: `train` builds its loader from what __init__ stored (batch 16, shuffle from a default), and
// `finetune` builds another with literal figures (batch 64, shuffle=True) that only a comment calls.
const script = (base: string, tail: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
${base === "" ? "" : "from somelib import Base\n"}
class Runner(${base}):
    def __init__(self, batch_size=16, shuffle=True, epochs=2):
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.epochs = epochs
        self.model = nn.Linear(8, 1)
        self.opt = torch.optim.SGD(self.model.parameters(), lr=0.1)
        self.data = TensorDataset(torch.randn(256, 8), torch.randn(256, 1))

    def step(self, loader):
        for x, y in loader:
            self.opt.zero_grad()
            nn.functional.mse_loss(self.model(x), y).backward()
            self.opt.step()

    def train(self):
        loader = DataLoader(self.data, shuffle=self.shuffle, batch_size=self.batch_size)
        for epoch in range(self.epochs):
            self.step(loader)

    def finetune(self):
        loader = DataLoader(self.data, shuffle=True, batch_size=64)
        for epoch in range(3):
            self.step(loader)


if __name__ == "__main__":
    runner = Runner()
    runner.train()
${tail}
`;

describe("a loader built in a method its file never names is not the run's (src/core/training/unnamed-methods.ts)", () => {
  it("the loader of the method the run calls wins over one whose only caller is a comment", async () => {
    const plan = (await analyze(script("", "    # runner.finetune()"))).training;
    assert.equal(plan?.batch?.value, 16);
  });

  it("a method named in code, even by a string handed to getattr, keeps its loader in the running", async () => {
    const called = (await analyze(script("", "    getattr(runner, \"finetune\")()"))).training;
    assert.equal(called?.batch?.value, 64);
  });

  it("a class with a library base is not read: the library may call its methods as hooks", async () => {
    const plan = (await analyze(script("Base", "    # runner.finetune()"))).training;
    assert.equal(plan?.batch?.value, 64);
  });
});
