import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An epoch loop that steps once a pass on rows drawn by random indices (src/core/training/training-plan.ts, with
// loop-index-draw.ts): each pass's batch is the draw's count, not all of the data. A script written for this test.
const SCRIPT = (draw: string) => `import numpy as np
import torch
import torch.nn as nn

net = nn.Linear(8, 1)
opt = torch.optim.Adam(net.parameters())
X = torch.randn(1000, 8)
for epoch in range(200):
    ${draw}
    loss = net(X[idx]).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
`;

describe("an epoch loop stepping on rows drawn by random indices", () => {
  it("takes the draw's count as the batch of its one step a pass", async () => {
    const result = await analyze(SCRIPT("idx = np.random.randint(0, X.shape[0], 25)"));
    assert.equal(result.training?.batch?.value, 25);
    assert.match(result.training?.batch?.detail ?? "", /np\.random\.randint\(0, X\.shape\[0\], 25\): 25 random indices a step/);
    assert.equal(result.training?.steps?.value ?? (result.training?.epochs?.value), 200);
  });

  it("reads no draw's batch where the pass indexes with a fixed selection", async () => {
    const result = await analyze(SCRIPT("idx = torch.arange(0, 40)"));
    assert.notEqual(result.training?.batch?.value, 25);
    assert.doesNotMatch(result.training?.batch?.detail ?? "", /random indices/);
  });
});
