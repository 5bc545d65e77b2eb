import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// An epoch loop that leaves at a known epoch (`if epoch > stop_epoch: break`, a schedule planned for more epochs
// than are run): Python runs the indices before the first one the test holds for (src/core/training/gated-passes.ts,
// passesBeforeBreak). A script written for this test.
const script = (guard: string) => `import torch
from torch.utils.data import DataLoader, TensorDataset

model = torch.nn.Linear(8, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loader = DataLoader(TensorDataset(torch.randn(320, 8)), batch_size=32)
epochs = 80
stop_epoch = 40
for epoch in range(epochs):
    if ${guard}:
        break
    for (x,) in loader:
        optimizer.zero_grad()
        model(x).sum().backward()
        optimizer.step()
`;

describe("an epoch loop that breaks at a known epoch", () => {
  it("runs the epochs before the break: 41 for epoch > 40, 40 for epoch >= 40, with exact steps and no upper-bound note", async () => {
    const after = (await analyze(script("epoch > stop_epoch"))).training ?? {};
    assert.equal(after.epochs?.value, 41);
    assert.match(after.epochs?.detail ?? "", /until epoch > stop_epoch: break, 41 passes/);
    assert.equal(planOptimizerSteps(after)?.value, 41 * 10);
    assert.equal((after.notes ?? []).some((n) => n.includes("can end early")), false, JSON.stringify(after.notes));
    assert.equal((await analyze(script("epoch >= stop_epoch"))).training?.epochs?.value, 40);
  });

  it("keeps the loop's count, with the upper-bound note, when the break's test is not on the epoch alone", async () => {
    const plan = (await analyze(script("torch.rand(1).item() > 0.99"))).training ?? {};
    assert.equal(plan.epochs?.value, 80);
    assert.ok((plan.notes ?? []).some((n) => n.includes("can end early")), JSON.stringify(plan.notes));
  });
});
