import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// `a if test else b` under a test the analysis cannot decide (src/core/interp/interpreter.ts, case "conditional").
const SCRIPT = (batch: string) => `import torch
from torch import nn
import sitelib

batch_size = ${batch}
model = nn.Linear(4, 8) if sitelib.WIDE else nn.Linear(4, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
data = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(640, 4)), batch_size=batch_size)
for epoch in range(2):
    for (x,) in data:
        opt.zero_grad()
        model(x).sum().backward()
        opt.step()
`;

describe("a conditional expression whose test is undecided", () => {
  it("gives no value when it picks between two different settings, and the setting when both arms agree", async () => {
    const differing = await analyze(SCRIPT("64 if sitelib.BIG else 32"));
    assert.equal(differing.training?.epochs?.value, 2);
    assert.equal(differing.training?.batch, undefined);
    const agreeing = await analyze(SCRIPT('64 if sitelib.BIG else 64'));
    assert.equal(agreeing.training?.batch?.value, 64);
  });

  it("still builds the first arm's model when the arms build objects", async () => {
    const result = await analyze(SCRIPT("32"));
    assert.deepEqual(result.models.map((m) => [m.name, m.params]), [["model", 4 * 8 + 8]]);
  });
});
