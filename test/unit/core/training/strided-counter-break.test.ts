import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { stridedBreakSteps } from "../../../../src/core/training/strided-counter-break";

// An autoencoder written for these tests: its budget counts examples, the counter going up by the batch each step.
const trainer = (increment: string, test: string) => `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

net = nn.Sequential(nn.Linear(16, 4), nn.ReLU(), nn.Linear(4, 16))
opt = torch.optim.Adam(net.parameters())
data = TensorDataset(torch.randn(1000, 16))
batch = 50
budget = 3000

def train():
    seen = 0
    for epoch in range(100):
        for (x,) in DataLoader(data, batch_size=batch, shuffle=True):
            seen += ${increment}
            if ${test}:
                return
            loss = ((net(x) - x) ** 2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()

train()
`;

describe("a counter going up by more than one a pass, ended at a bound (src/core/training/strided-counter-break.ts)", () => {
  it("stops the run after bound / stride steps, not bound steps", async () => {
    const run = (await analyze(trainer("batch", "seen > budget"))).training;
    // 3000 / 50 = 60: the 61st pass breaks before its step.
    assert.equal(run?.steps?.value, 60, JSON.stringify(run?.steps));
  });

  it("keeps one step a pass for a counter going up by one", async () => {
    const run = (await analyze(trainer("1", "seen > 1500"))).training;
    assert.equal(run?.steps?.value, 1500, JSON.stringify(run?.steps));
  });

  it("counts >= and a check after the step", () => {
    assert.equal(stridedBreakSteps(3000, 50, false, false), 59);
    assert.equal(stridedBreakSteps(3000, 50, true, true), 61);
    assert.equal(stridedBreakSteps(3010, 50, false, true), 61);
  });
});
