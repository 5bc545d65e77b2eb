import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A full-batch loop's batch is all of the data it trains on each pass, even where the file builds a DataLoader that
// a later loop (another model's) walks (training-plan.ts, the full-batch figure of the stepping loop).
const SCRIPT = `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

x = torch.randn(6, 3)
y = torch.randint(0, 2, (6,))
first = nn.Linear(3, 2)
opt = torch.optim.Adam(first.parameters())
for epoch in range(200):
    opt.zero_grad()
    nn.functional.cross_entropy(first(x), y).backward()
    opt.step()

later = DataLoader(TensorDataset(torch.randn(640, 3), torch.randint(0, 2, (640,))), batch_size=32)
`;

describe("a full-batch loop's own batch", function () {
  this.timeout(20_000);
  it("is all of its data, not a loader's batch_size no step loop of the run walks", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.samples?.value, 6);
    assert.equal(plan.batch?.value, 6);
    assert.match(plan.batch!.detail, /on all of x each pass/);
    assert.equal(plan.steps?.value ?? plan.epochs?.value, 200);
  });
});
