import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// `loader = Shelf(...).make_loader()`: a method of a workspace class called on the object the same statement builds,
// read as a method of a bound object is (src/core/training/training-plan.ts, chainedMethod). Files written for this test.
const SHELF = `import torch
from torch.utils.data import DataLoader, TensorDataset

class Shelf:
    def __init__(self, per_batch, rows=640):
        self.per_batch = per_batch
        self.rows = rows

    def make_loader(self):
        table = TensorDataset(torch.randn(self.rows, 5), torch.randn(self.rows, 1))
        return DataLoader(table, batch_size=self.per_batch, shuffle=True)
`;
const SCRIPT = (made: string) => `import torch
from torch import nn
from storage.shelf import Shelf

def main():
    net = nn.Linear(5, 1)
    opt = torch.optim.Adam(net.parameters())
    train_loader = ${made}
    for epoch in range(6):
        for x, y in train_loader:
            opt.zero_grad()
            loss = nn.functional.mse_loss(net(x), y)
            loss.backward()
            opt.step()

if __name__ == "__main__":
    main()
`;
const planOf = async (made: string): Promise<TrainingPlan> => (await analyze(SCRIPT(made), { others: { "/project/storage/__init__.py": "", "/project/storage/shelf.py": SHELF } })).training ?? {};

describe("a loader method called on the object the statement builds (training-plan.ts chainedMethod)", () => {
  it("`Shelf(per_batch=40).make_loader()` has the method's batch and data, with the constructor's arguments", async () => {
    const plan = await planOf("Shelf(per_batch=40).make_loader()");
    assert.equal(plan.batch?.value, 40);
    assert.equal(plan.samples?.value, 640);
  });

  it("the same as binding the object first", async () => {
    const plan = await planOf("Shelf(16, rows=320)\n    train_loader = train_loader.make_loader()");
    assert.equal(plan.batch?.value, 16);
    assert.equal(plan.samples?.value, 320);
  });
});
