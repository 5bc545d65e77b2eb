import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A chunking loop that builds a slice object from its index (`part = slice(i, i + size)`, then `x[part]`) takes
// `size` rows a step, as `x[i:i + size]` does (src/core/training/step-loop-batch.ts, slicesFrom). Written for this test.
const script = (cut: string, take: string) => `import torch
import torch.nn as nn

obs = torch.randn(1024, 6)
goal = torch.randn(1024, 1)
critic = nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, 1))
opt = torch.optim.Adam(critic.parameters(), lr=1e-3)
size = 128
for sweep in range(4):
    for i in range(0, len(obs), size):
        ${cut}
        err = (critic(${take.replace("X", "obs")}) - ${take.replace("X", "goal")}).pow(2).mean()
        opt.zero_grad()
        err.backward()
        opt.step()
`;

describe("a chunk cut by a slice object (step-loop-batch.ts)", () => {
  it("takes the range's step a step, as the slice written out does", async () => {
    const run = (await analyze(script("part = slice(i, i + size)", "X[part]"))).training;
    assert.equal(run?.batch?.value, 128, JSON.stringify(run?.batch));
    assert.equal(run?.steps?.value, 4 * 8);
  });

  it("reads the written-out slice the same", async () => {
    const run = (await analyze(script("pass", "X[i:i + size]"))).training;
    assert.equal(run?.batch?.value, 128, JSON.stringify(run?.batch));
  });
});
