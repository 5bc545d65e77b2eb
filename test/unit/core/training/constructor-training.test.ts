import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A training call in the `__init__` of a class the script constructs (twentieth round, foreign-loops.ts).
const runner = `import torch
from torch.utils.data import DataLoader, TensorDataset

class Runner:
    def fit(self, model, params):
        loader = DataLoader(TensorDataset(torch.randn(1200, 8), torch.randn(1200, 1)), batch_size=params.batch_size)
        opt = torch.optim.SGD(model.parameters(), lr=0.1)
        for epoch in range(params.epochs):
            for x, y in loader:
                opt.zero_grad()
                torch.nn.functional.mse_loss(model(x), y).backward()
                opt.step()
`;
const script = (main: string) => `import torch
from dataclasses import dataclass
from runner import Runner

@dataclass
class Parameters:
    epochs: int = 7
    batch_size: int = 24

class Controller:
    def __init__(self):
        self.model = torch.nn.Linear(8, 1)
        Runner().fit(self.model, Parameters)

${main}`;

describe("training started in the constructor of the script's own class (src/core/training/foreign-loops.ts)", () => {
  it("`controller = Controller()` under the __main__ guard runs __init__'s call of another file's training method", async () => {
    const plan = (await analyze(script(`if __name__ == "__main__":\n    controller = Controller()\n`), { others: { "/project/runner.py": runner } })).training ?? {};
    // Before: no epochs or batch (calls inside a class were never a candidate).
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.batch?.value, 24);
    assert.equal(plan.samples?.value, 1200);
  });

  it("a class the script never constructs trains nothing", async () => {
    const plan = (await analyze(script(`print("nothing")\n`), { others: { "/project/runner.py": runner } })).training ?? {};
    assert.equal(plan.epochs, undefined);
  });
});
