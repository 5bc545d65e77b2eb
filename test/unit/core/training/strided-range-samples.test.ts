import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loop that slices its batches by the stride of a range walks the items from its start to its stop on each pass,
// whatever the stop is named (src/core/training/data-pass-epochs.ts, stridedRangeBounds): here the count of rows the
// script's own generator was asked for (a copy-memory task's shape, written for this test).
const script = (loop: string) => `import torch
import torch.nn as nn
from data import make_sequences

n_train = 10000
batch_size = 32
train_x, train_y = make_sequences(n_train)
model = nn.Linear(20, 10)
optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3)

def train(ep):
    ${loop}
        x = train_x[start:start + batch_size]
        y = train_y[start:start + batch_size]
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()

epochs = 50
for ep in range(1, epochs + 1):
    train(ep)
`;

describe("samples of a loop that slices its batches by a range's stride", () => {
  it("takes the stop of `enumerate(range(0, n_train, batch_size))` as the items a pass walks", async () => {
    const plan = (await analyze(script("for batch_idx, start in enumerate(range(0, n_train, batch_size)):"))).training ?? {};
    assert.equal(plan.samples?.value, 10000);
    assert.equal(plan.batch?.value, 32);
    assert.equal(plan.epochs?.value, 50);
    assert.equal(plan.steps?.value, 50 * Math.ceil(10000 / 32));
  });

  it("follows a name bound to the index as it is (`start = batch`) to the slices", async () => {
    const plan = (await analyze(script("for batch in range(0, n_train, batch_size):\n        start = batch"))).training ?? {};
    assert.equal(plan.samples?.value, 10000);
    assert.equal(plan.batch?.value, 32);
  });

  it("counts from the range's start when it is not zero", async () => {
    const plan = (await analyze(script("for start in range(1000, n_train, batch_size):"))).training ?? {};
    assert.equal(plan.samples?.value, 9000);
  });

  it("reads no samples from a range over data a loop around it rebuilds (an on-policy rollout's minibatches)", async () => {
    const plan = (await analyze(`import numpy as np
import torch
import torch.nn as nn

ROLLOUT_STEPS = 1024
MINIBATCH_SIZE = 64
policy = nn.Linear(4, 2)
optimizer = torch.optim.Adam(policy.parameters(), lr=3e-4)
for update in range(100):
    states = torch.randn(ROLLOUT_STEPS, 4)
    idx = np.arange(ROLLOUT_STEPS)
    for start in range(0, ROLLOUT_STEPS, MINIBATCH_SIZE):
        mb = idx[start:start + MINIBATCH_SIZE]
        optimizer.zero_grad()
        policy(states[mb]).sum().backward()
        optimizer.step()
`)).training ?? {};
    assert.equal(plan.samples?.value, undefined);
    assert.equal(plan.batch?.value, 64);
  });

  it("reads no samples from a stride not named as a batch (a sequence's time steps)", async () => {
    const plan = (await analyze(script("for start in range(0, n_train, 70):").replace(/start \+ batch_size/g, "start + 70"))).training ?? {};
    assert.equal(plan.samples?.value, undefined);
  });
});
