import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A notebook draws its points in one cell and draws them again, more of them, in a later one before the full-batch
// loop (full-batch-epochs.ts): the namespace holds the last drawing, which the loop reads, so its rows are the batch
// and the samples. Drawn again after the loop, the namespace holds that later drawing and the rows stay unread.
const NOTEBOOK = (after: string) => `import torch
from torch import nn

points = torch.randn(40, 2)
points = torch.randn(600, 2) * 0.5
flow = nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 2))
opt = torch.optim.Adam(flow.parameters(), lr=1e-3)
for it in range(300):
    out = flow(points)
    loss = out.pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
${after}
`;

describe("full-batch data drawn twice before the loop", () => {
  it("the loop's data is the last drawing: 600 rows a step, 300 steps", async () => {
    const plan = (await analyze(NOTEBOOK(""))).training ?? {};
    assert.equal(plan.steps?.value, 300);
    assert.equal(plan.batch?.value, 600);
    assert.equal(plan.samples?.value, 600);
  });

  it("drawn again after the loop, the namespace holds other rows: the batch is not read from them", async () => {
    const plan = (await analyze(NOTEBOOK("points = torch.randn(9, 2)"))).training ?? {};
    assert.notEqual(plan.batch?.value, 9);
    assert.notEqual(plan.samples?.value, 9);
    assert.notEqual(plan.batch?.value, 600);
  });
});
