import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// `while epoch < N and not done:`: a condition joined by `and` can only end the loop sooner, so the counter's bound is
// the run's epochs, as an early stop's break leaves the stated count (while-epochs.ts countedWhile).
const script = (test: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

loader = DataLoader(TensorDataset(torch.randn(120, 4), torch.randint(0, 3, (120,))), batch_size=16, shuffle=True)
net = nn.Linear(4, 3)
opt = torch.optim.Adam(net.parameters(), lr=0.01)
epoch = 0
done = False
while ${test}:
    epoch += 1
    batches = list(enumerate(loader))
    for i, (x, y) in batches:
        opt.zero_grad()
        loss = nn.functional.cross_entropy(net(x), y)
        loss.backward()
        opt.step()
    if loss.item() < 0.01:
        done = True
`;

describe("a counted while joined by `and` to a stop condition (countedWhile)", function () {
  this.timeout(20_000);
  it("takes the counter's bound as the epochs, the condition on either side", async () => {
    for (const test of ["epoch < 300 and not done", "not done and epoch < 300", "not done and epoch < 300 and loss_ok()"]) {
      const plan = (await analyze(script(test))).training ?? {};
      assert.equal(plan.epochs?.value, 300, test);
      assert.equal(plan.batch?.value, 16);
      assert.equal(plan.samples?.value, 120);
    }
  });

  it("reads no count where `or` joins the conditions (either may keep the loop going)", async () => {
    const plan = (await analyze(script("epoch < 300 or not done"))).training ?? {};
    assert.equal(plan.epochs?.value, undefined);
  });
});
