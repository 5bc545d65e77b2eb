import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A step loop that names its slice's bounds before slicing (`lo = k * width; hi = lo + width; rows[lo:hi]`) takes
// `width` rows a step, as the inline `rows[k * width:(k + 1) * width]` does (src/core/training/step-loop-batch.ts,
// boundIndexSliceSize). Scripts written for this test.
const script = (update: string) => `import torch
from torch import nn

feats = torch.randn(3000, 20)
marks = torch.randint(0, 4, (3000,))
rows = feats.shape[0]
net = nn.Linear(20, 4)
width = 50
${update.includes("opt.") ? "opt = torch.optim.SGD(net.parameters(), lr=0.1)" : "rate = 0.1"}
for epoch in range(3):
    for k in range((rows - 1) // width + 1):
        lo = k * width
        hi = lo + width
        xb = feats[lo:hi]
        yb = marks[lo:hi]
        loss = nn.functional.cross_entropy(net(xb), yb)
        loss.backward()
${update}
`;

const byHand = `        with torch.no_grad():
            for w in net.parameters():
                w -= w.grad * rate
            net.zero_grad()`;
const byOptimizer = `        opt.step()
        opt.zero_grad()`;

describe("a slice whose stop the loop names first (step-loop-batch.ts)", () => {
  for (const [label, update] of [["a hand-written update", byHand], ["an optimizer", byOptimizer]] as const) {
    it(`takes the width a step, stepped by ${label}`, async () => {
      const run = (await analyze(script(update))).training;
      assert.equal(run?.batch?.value, 50, JSON.stringify(run?.batch));
      assert.equal(run?.samples?.value, 3000, JSON.stringify(run?.samples));
      assert.equal(run?.steps?.value, 3 * 60);
    });
  }
});
