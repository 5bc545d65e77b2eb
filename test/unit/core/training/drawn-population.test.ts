import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Rows a step draws by random indices come from the data the draw's population counts (drawn-population.ts).
const script = (draw: string) => `import numpy as np
import torch
from torch import nn
feats = np.random.rand(330, 5)
targets = np.random.rand(330, 1)
net = nn.Linear(5, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for it in range(90):
    ${draw}
    xb = torch.tensor(feats[pick], dtype=torch.float32)
    loss = (net(xb) - torch.tensor(targets[pick], dtype=torch.float32)).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
`;

describe("the data a step's random indices are drawn from", () => {
  it("holds the samples where the draw counts it with len()", async () => {
    const plan = (await analyze(script("pick = np.random.choice(len(feats), size=24)"))).training ?? {};
    assert.deepEqual([plan.steps?.value, plan.batch?.value, plan.samples?.value], [90, 24, 330]);
  });

  it("reads shape[0] as numpy's randint high", async () => {
    const plan = (await analyze(script("pick = np.random.randint(0, feats.shape[0], size=24)"))).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.samples?.value], [24, 330]);
  });

  it("takes no samples from a bare number", async () => {
    const plan = (await analyze(script("pick = np.random.choice(300, size=24)"))).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.samples?.value], [24, undefined]);
  });
});
