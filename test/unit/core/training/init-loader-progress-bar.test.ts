import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A training method of another file that binds a progress bar over the loader its `__init__` built
// (`bar = tqdm(self.batches)`) and loops over the bar: the bar yields the loader's batches, so that loader is the
// run's (src/core/training/init-loaders.ts). Files written for this test.
const learner = (wrap: string) => `import torch
from torch.utils.data import DataLoader, TensorDataset
from tqdm import tqdm

class Learner:
    def __init__(self):
        self.net = torch.nn.Linear(5, 1)
        rows = TensorDataset(torch.randn(420, 5), torch.randn(420, 1))
        self.batches = DataLoader(rows, batch_size=28, shuffle=True)

    def learn(self):
        opt = torch.optim.Adam(self.net.parameters())
        for epoch in range(3):
            bar = tqdm(${wrap})
            for x, y in bar:
                opt.zero_grad()
                loss = ((self.net(x) - y) ** 2).mean()
                loss.backward()
                opt.step()
`;
const script = `from learner import Learner

def main():
    learner = Learner()
    learner.learn()

if __name__ == "__main__":
    main()
`;
const planOf = async (wrap: string) => (await analyze(script, { others: { "/project/learner.py": learner(wrap) } })).training;

describe("a progress bar over a loader built in __init__", () => {
  it("walks the loader it wraps", async () => {
    const training = await planOf("self.batches");
    assert.equal(training?.batch?.value, 28);
    assert.equal(training?.samples?.value, 420);
    assert.equal(training?.epochs?.value, 3);
  });

  it("is no loader of the object's when it wraps something else", async () => {
    const training = await planOf("[(torch.randn(2, 5), torch.randn(2, 1))]");
    assert.notEqual(training?.batch?.value, 28);
  });
});
