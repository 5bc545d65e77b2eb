import { strict as assert } from "node:assert";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { analyze } from "../../helpers/analyze";

// A tensor the loop refills in place each pass (`buf.data.resize_(x.size()).copy_(x)`, full-batch-epochs.ts) holds a
// new batch each time: it is not all of the data, so neither its rows nor the loop's passes say the samples or epochs.
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (fill: string) => `import torch
from torch import nn

stream = iter([torch.rand(12, 5) for _ in range(40)])
buf = torch.zeros(12, 5)
net = nn.Linear(5, 5)
adam = torch.optim.Adam(net.parameters(), lr=0.001)
for it in range(900):
    chunk = next(stream)
${fill}
    cost = (net(buf) - buf).abs().mean()
    adam.zero_grad()
    cost.backward()
    adam.step()
`;

describe("a buffer refilled in place each pass is no full batch (full-batch-epochs.ts)", function () {
  this.timeout(20_000);
  for (const fill of ["    buf.data.resize_(chunk.size()).copy_(chunk)", "    buf.copy_(chunk)", "    buf.set_(chunk)"]) {
    it(`${fill.trim()}: no samples or epochs from the buffer`, async () => {
      const plan = await planOf(SCRIPT(fill));
      assert.equal(plan.steps?.value, 900);
      assert.equal(plan.samples, undefined);
      assert.equal(plan.epochs, undefined);
    });
  }

  it("a buffer the loop only reads is still the whole data", async () => {
    const plan = await planOf(SCRIPT("    pass"));
    assert.equal(plan.samples?.value, 12);
    assert.equal(plan.epochs?.value, 900);
  });
});
