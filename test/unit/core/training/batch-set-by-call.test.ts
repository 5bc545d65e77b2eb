import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// A data object whose batch size a method sets before the step loop draws from it
// (src/core/training/batch-set-by-call.ts): a local of the training function, read where the loop is from its binding,
// which the method's call later changes. A script written for this test.
const script = (setCall: string) => `import numpy as np
import torch
import torch.nn as nn

class Batches:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.n = len(x)
        self.batch_size = 1
        self.at = 0

    def reset(self, batch_size=8, shuffle=True):
        order = np.random.permutation(self.n)
        self.x = self.x[order]
        self.y = self.y[order]
        self.at = 0
        self.batch_size = batch_size
        return self.n // self.batch_size


    def next_batch(self):
        lo = self.at * self.batch_size
        self.at += 1
        return torch.tensor(self.x[lo:lo + self.batch_size]), torch.tensor(self.y[lo:lo + self.batch_size])

net = nn.Linear(10, 1)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)

def fit(batch_size, epochs):
    data = Batches(np.load("features.npy"), np.load("targets.npy"))
    held_out = Batches(np.load("features.npy"), np.load("targets.npy"))
    for epoch in range(epochs):
        n = ${setCall}
        for i in range(n):
            x, y = data.next_batch()
            optimizer.zero_grad()
            nn.functional.mse_loss(net(x), y).backward()
            optimizer.step()

fit(batch_size=16, epochs=4)
`;

const batchOf = async (text: string) => {
  const result = await analyze(text);
  return trainingPlanOf(result, result.models[0]!)?.batch;
};

describe("a batch size a method sets before the draws", () => {
  it("reads the size a keyword argument passes to the method that sets self.batch_size", async () => {
    const batch = await batchOf(script("data.reset(batch_size=batch_size)"));
    assert.equal(batch?.value, 16);
    assert.match(batch?.detail ?? "", /data\.next_batch\(\) draws self\.batch_size/);
  });

  it("reads a positional argument after self", async () => {
    assert.equal((await batchOf(script("data.reset(batch_size)")))?.value, 16);
  });

  it("keeps the constructor's size when the call sets another object's", async () => {
    assert.equal((await batchOf(script("held_out.reset(batch_size=64)")))?.value, 1);
  });
});
