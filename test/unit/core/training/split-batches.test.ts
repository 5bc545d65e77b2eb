import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Batches cut by a split call, no loader: ITER is replaced by each case's way of cutting the synthetic tensors.
const SCRIPT = `import numpy as np
import torch
import torch.nn as nn

X = torch.randn(1000, 12)
Y = torch.randn(1000, 1)
model = nn.Linear(12, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(5):
    for xb, yb in ITER:
        loss = ((model(xb) - yb) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const planOf = async (iter: string) => (await analyze(SCRIPT.replace("ITER", iter))).training ?? {};

describe("batches cut by split calls", () => {
  it("torch.split(X, k) takes k rows a step, the last piece smaller; a pass walks all the rows", async () => {
    const plan = await planOf("zip(torch.split(X, 64), torch.split(Y, 64))");
    assert.equal(plan.batch?.value, 64);
    assert.equal(plan.samples?.value, 1000);
  });

  it("X.chunk(c) takes ⌈n / c⌉ rows; np.array_split(X, s) takes s sections, the largest ⌈n / s⌉", async () => {
    assert.equal((await planOf("zip(X.chunk(3), Y.chunk(3))")).batch?.value, 334);
    const sections = await planOf("zip(np.array_split(X, 8), np.array_split(Y, 8))");
    assert.equal(sections.batch?.value, 125);
    assert.equal(sections.samples?.value, 1000);
  });

  it("a split along another dimension is no batch", async () => {
    assert.notEqual((await planOf("zip(torch.split(X, 4, dim=1), torch.split(Y, 4, dim=1))")).batch?.value, 4);
  });

  it("a stride up to x.size(0) walks x's rows", async () => {
    const text = SCRIPT.replace("    for xb, yb in ITER:\n", "    perm = torch.randperm(X.size(0))\n    for i in range(0, X.size(0), 250):\n        xb, yb = X[perm[i:i + 250]], Y[perm[i:i + 250]]\n").replace("range(0, X.size(0), 250)", "range(0, X.size(0), batch_size)").replace("for epoch in range(5):", "batch_size = 250\nfor epoch in range(5):");
    const plan = (await analyze(text)).training ?? {};
    assert.equal(plan.batch?.value, 250);
    assert.equal(plan.samples?.value, 1000);
    assert.equal(plan.steps?.value, 5 * 4);
  });
});

describe("a loader over a list the script builds", () => {
  it("has the list's items as its samples", async () => {
    const text = `import torch
import torch.nn as nn
from torch.utils.data import DataLoader

pairs = [([0.0, 1.0], 1), ([1.0, 0.0], 0), ([1.0, 1.0], 1), ([0.0, 0.0], 0), ([0.3, 0.7], 1)]
loader = DataLoader(pairs, batch_size=2, shuffle=True)
model = nn.Linear(2, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(10):
    for xb, yb in loader:
        loss = model(xb).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;
    const plan = (await analyze(text)).training ?? {};
    assert.equal(plan.samples?.value, 5);
    assert.equal(plan.batch?.value, 2);
  });

  it("a tensor or array given as the dataset has its rows as its samples", async () => {
    const text = (data: string) => `import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

loader = DataLoader(${data}, batch_size=32, shuffle=True)
model = nn.Linear(8, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    for xb in loader:
        loss = model(xb).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;
    assert.equal((await analyze(text("torch.randn(600, 8)"))).training?.samples?.value, 600);
    assert.equal((await analyze(text("np.zeros((250, 8), dtype=np.float32)"))).training?.samples?.value, 250);
    // A scalar is not a dataset: nothing to size.
    assert.equal((await analyze(text("torch.tensor(3.0)"))).training?.samples, undefined);
  });
});
