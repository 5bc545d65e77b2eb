import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A data script that draws a batch to look at it, naming no training, is no run even where it keeps an epoch count
// among its settings (a leftover `num_epochs = 5` of the training script it was copied from): no step loop, fit or
// other file's training reads that count (src/core/training/data-only-script.ts, as training-plan.ts applies it).
// Files written for this test.
const script = (tail: string) => `import torch
from torch.utils.data import DataLoader, TensorDataset

if __name__ == "__main__":
    num_epochs = 5
    batch_size = 16
    rows = TensorDataset(torch.randn(80, 3), torch.randint(0, 2, (80,)))
    loader = DataLoader(rows, batch_size=batch_size, shuffle=True)
    example = next(iter(loader))
    print(example[0].shape)
${tail}
`;
const fit = `    net = torch.nn.Linear(3, 2)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for epoch in range(num_epochs):
        for x, y in loader:
            opt.zero_grad()
            torch.nn.functional.cross_entropy(net(x), y).backward()
            opt.step()
`;

describe("a data script's epoch constant", () => {
  it("states no run where nothing trains", async () => {
    const training = (await analyze(script(""))).training;
    assert.equal(training?.epochs?.value, undefined);
    assert.equal(training?.batch?.value, undefined);
  });

  it("is the run's epochs where the file trains", async () => {
    const training = (await analyze(script(fit))).training;
    assert.equal(training?.epochs?.value, 5);
    assert.equal(training?.batch?.value, 16);
  });
});
