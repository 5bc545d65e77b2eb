import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Hand batching without a DataLoader, in the shape of textbook linear-regression code: a generator of the script's
// own strides over the data it is given, and a hand-written gradient step updates the weights.
const GENERATOR = `import random
import torch

n_points = 1200
features = torch.randn(n_points, 3)
targets = torch.randn(n_points)

def minibatches(batch_size, xs, ys):
    count = len(xs)
    order = list(range(count))
    random.shuffle(order)
    for start in range(0, count, batch_size):
        picked = torch.tensor(order[start:start + batch_size])
        yield xs[picked], ys[picked]

def descend(params, lr):
    for p in params:
        p.data -= lr * p.grad

weights = torch.zeros(3, requires_grad=True)
lr, rounds, bs = 0.05, 4, 50
for epoch in range(rounds):
    for xb, yb in minibatches(bs, features, targets):
        loss = ((xb @ weights - yb) ** 2).mean()
        loss.backward()
        descend([weights], lr)
        weights.grad.zero_()
`;

describe("minibatch generators of the script's own", () => {
  it("reads the batch the call binds and the samples of the data it walks", async () => {
    const plan = (await analyze(GENERATOR)).training ?? {};
    assert.equal(plan.epochs?.value, 4);
    assert.equal(plan.batch?.value, 50);
    assert.equal(plan.samples?.value, 1200);
  });

  it("binds the walked data by keyword and reads a list's items", async () => {
    const text = GENERATOR.replace("features = torch.randn(n_points, 3)", "features = [[0.0, 1.0, 2.0]] * 300")
      .replace("minibatches(bs, features, targets)", "minibatches(ys=targets, xs=features, batch_size=bs)");
    const plan = (await analyze(text)).training ?? {};
    assert.equal(plan.samples?.value, 300);
    assert.equal(plan.batch?.value, 50);
  });

  it("takes a hand-written gradient step (`.sub_`, or `-=` under no_grad) as the loop's optimizer step", async () => {
    for (const step of ["p.data.sub_(lr * p.grad)", "with torch.no_grad():\n            p -= lr * p.grad"]) {
      const plan = (await analyze(GENERATOR.replace("p.data -= lr * p.grad", step))).training ?? {};
      assert.equal(plan.batch?.value, 50, step);
    }
    const zeroing = (await analyze(GENERATOR.replace("p.data -= lr * p.grad", "p.grad.data.zero_()"))).training ?? {};
    assert.equal(zeroing.batch, undefined, "zeroing gradients updates no weights: no step, so no step loop to read");
  });

  it("reads nothing from a generator that walks a count not taken from its data", async () => {
    const text = GENERATOR.replace("for start in range(0, count, batch_size):", "for start in range(0, 600, batch_size):");
    const plan = (await analyze(text)).training ?? {};
    assert.equal(plan.samples, undefined);
  });
});

// A knowledge-graph trainer's shape: a method loops over iterations, each walking the same shuffled pairs in strides.
const STRIDES = `import numpy as np
import torch
import torch.nn as nn

class Runner:
    def __init__(self, iterations=30, batch_size=64):
        self.iterations = iterations
        self.batch_size = batch_size

    def fit(self):
        pairs = list(range(6400))
        model = nn.Linear(4, 1)
        opt = torch.optim.Adam(model.parameters())
        for it in range(1, self.iterations + 1):
            np.random.shuffle(pairs)
            for j in range(0, len(pairs), self.batch_size):
                chunk = pairs[j:j + self.batch_size]
                opt.zero_grad()
                loss = model(torch.randn(len(chunk), 4)).mean()
                loss.backward()
                opt.step()

Runner(iterations=30, batch_size=64).fit()
`;

describe("strided passes over data bound outside the loop", () => {
  it("reads a loop named for iterations around a pass over the same data as epochs, and the data's size as samples", async () => {
    const plan = (await analyze(STRIDES)).training ?? {};
    assert.equal(plan.epochs?.value, 30);
    assert.equal(plan.batch?.value, 64);
    assert.equal(plan.samples?.value, 6400);
    assert.equal(plan.steps?.value, 30 * 100);
  });

  it("leaves a loop that rebuilds the data it walks on each pass as steps, not epochs", async () => {
    const plan = (await analyze(STRIDES.replace("np.random.shuffle(pairs)", "pairs = list(range(6400))"))).training ?? {};
    assert.equal(plan.epochs, undefined);
  });
});
