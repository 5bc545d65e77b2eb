import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loop that only repeats its body a literal number of times (`for _ in range(30):`) around a step loop over a whole
// loader bound outside it is an epoch loop (data-pass-epochs.ts literalRange); a plain loop over a named count is
// still left to its name, and so is a named counter (`for e in range(200):`, which a loop training another network in
// a Lightning notebook may use).
const script = (outer: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

class Pairs(Dataset):
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __len__(self):
        return len(self.x)
    def __getitem__(self, i):
        return self.x[i], self.y[i]

rounds_between_saves = 30
loader = DataLoader(Pairs(torch.randn(12, 2), torch.randn(12, 1)), batch_size=4, shuffle=True)
net = nn.Linear(2, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.01)
${outer}
    for x, y in loader:
        opt.zero_grad()
        nn.functional.mse_loss(net(x), y).backward()
        opt.step()
`;

describe("a literal count around a whole pass over a loader (literalRange)", function () {
  this.timeout(20_000);
  it("is the run's epochs", async () => {
    for (const outer of ["for _ in range(30):", "for _ in range(1, 31):"]) {
      const plan = (await analyze(script(outer))).training ?? {};
      assert.equal(plan.epochs?.value, 30, outer);
      assert.equal(plan.samples?.value, 12);
      assert.equal(plan.batch?.value, 4);
    }
  });

  it("leaves a plain loop over a named count, or a named counter, to its name", async () => {
    for (const outer of ["for _ in range(rounds_between_saves):", "for k in range(30):"]) {
      const plan = (await analyze(script(outer))).training ?? {};
      assert.equal(plan.epochs?.value, undefined, outer);
    }
  });
});
