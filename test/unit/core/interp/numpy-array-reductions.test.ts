import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A numpy array's reductions over numpy's `axis`, and numpy.nan_to_num, keep the rows of data normalised with them
// (numpy-reductions.ts numpyArrayReduction, numpy-arrays.ts nan_to_num).
const script = (normalise: string) => `import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
table = np.zeros((36, 3))
${normalise}
loader = DataLoader(TensorDataset(torch.from_numpy(scaled).float()), batch_size=6)
net = nn.Linear(3, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.01)
for epoch in range(4):
    for (xb,) in loader:
        opt.zero_grad()
        net(xb).pow(2).mean().backward()
        opt.step()
`;

describe("numpy array reductions over an axis, and nan_to_num", () => {
  it("keeps the rows of an array scaled by its own max(axis=0) and min(axis=0)", async () => {
    const plan = (await analyze(script("scaled = (table - table.min(axis=0)) / (table.max(axis=0) - table.min(axis=0))"))).training ?? {};
    assert.equal(plan.samples?.value, 36);
  });

  it("keeps a mean over axis=1 with keepdims as a column to broadcast", async () => {
    const plan = (await analyze(script("scaled = table - table.mean(axis=1, keepdims=True)"))).training ?? {};
    assert.equal(plan.samples?.value, 36);
  });

  it("keeps the shape through numpy.nan_to_num", async () => {
    const plan = (await analyze(script("scaled = np.nan_to_num(table / table.sum())"))).training ?? {};
    assert.equal(plan.samples?.value, 36);
  });
});
