import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An `if` binds the epoch loop's iterable in each branch (a resumed run walks the epochs after its checkpoint's, a
// fresh run all of them): the loop walks the range of the branch the test selects, not the count named for epochs
// (src/core/training/branch-bound-iterables.ts). Files written for this test.
const solver = `import torch
from tqdm import tqdm
from torch.utils.data import DataLoader, TensorDataset


class Solver:
    def __init__(self, settings):
        self.settings = settings
        self.net = torch.nn.Linear(5, 1)
        self.loader = DataLoader(TensorDataset(torch.randn(64, 5), torch.randn(64, 1)), batch_size=8)

    def train(self):
        opt = torch.optim.Adam(self.net.parameters())
        if self.settings.resume:
            path = self.settings.checkpoint
            n_epochs = int(path[path.find("epoch-") + 6:path.find("pkl") - 1])
            epochs = tqdm(range(n_epochs, n_epochs + self.settings.n_epochs))
        else:
            n_epochs = self.settings.n_epochs
            epochs = tqdm(range(n_epochs))
        for epoch_i in epochs:
            for x, y in self.loader:
                opt.zero_grad()
                loss = ((self.net(x) - y) ** 2).mean()
                loss.backward()
                opt.step()
`;
const script = (resume: string, more = 4) => `from solver import Solver


class Settings:
    def __init__(self):
        self.resume = ${resume}
        self.n_epochs = ${more}
        self.checkpoint = "./results/run_epoch-30.pkl"


if __name__ == "__main__":
    solver = Solver(Settings())
    solver.train()
`;
const epochsOf = async (resume: string, more?: number) => (await analyze(script(resume, more), { others: { "/project/solver.py": solver } })).training?.epochs?.value;

describe("an epoch loop over an iterable an if binds in each branch", () => {
  it("walks the resumed run's range when the test holds", async () => {
    assert.equal(await epochsOf("True"), 4);
    assert.equal(await epochsOf("True", 6), 6);
  });

  it("walks the fresh run's range otherwise", async () => {
    assert.equal(await epochsOf("False", 5), 5);
  });
});
