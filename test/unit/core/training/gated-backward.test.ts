import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A loop that updates every Nth pass with the backward pass under the same gate (`if t % 4 == 0:` then sample a batch,
// backward, step: DQN's train frequency) runs no backward between updates: a cadence, not N accumulated micro-batches
// (loop-shape.ts gatedBackward). Backward on every pass and a step every Nth is accumulation, as before.
const SCRIPT = `import random
import torch
from torch import nn

q = nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 2))
opt = torch.optim.Adam(q.parameters(), lr=1e-3)
memory = [(torch.randn(4), random.randrange(2), 1.0) for _ in range(5000)]
batch_size = 64
for t in range(40000):
    memory.append((torch.randn(4), random.randrange(2), 1.0))
    BODY
`;

const GATED = `if t % 4 == 0:
        picked = random.sample(memory, batch_size)
        states = torch.stack([s for s, _, _ in picked])
        loss = q(states).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()`;

const ACCUMULATED = `picked = random.sample(memory, batch_size)
    states = torch.stack([s for s, _, _ in picked])
    loss = q(states).pow(2).mean() / 4
    loss.backward()
    if (t + 1) % 4 == 0:
        opt.step()
        opt.zero_grad()`;

describe("an update every Nth pass", () => {
  it("is a cadence when the gate holds the backward pass too: no micro-batches", async () => {
    const plan = (await analyze(SCRIPT.replace("BODY", GATED))).training ?? {};
    // Before: accumulation 4, so each of the 10,000 steps counted 4 batches of 64.
    assert.equal(planOptimizerSteps(plan)?.value, 10000);
    assert.equal(plan.accumulation, undefined);
  });

  it("is accumulation when backward runs on every pass", async () => {
    const plan = (await analyze(SCRIPT.replace("BODY", ACCUMULATED))).training ?? {};
    assert.equal(planOptimizerSteps(plan)?.value, 10000);
    assert.equal(plan.accumulation?.value, 4);
  });
});
