import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A counted loop of batch indexes whose count is the data's rows over the slice's width (src/core/training/index-sliced-pass.ts).
const SCRIPT = `import numpy as np
import torch
from torch import nn

feats = np.zeros((3000, 8), dtype="float32")
labels = np.zeros((3000,), dtype="int64")
n_rows = feats.shape[0]
bs = 60
net = nn.Linear(8, 3)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for r in range(7):
    for k in range(int(n_rows / bs)):
        xb = torch.from_numpy(feats[k * bs:(k + 1) * bs])
        yb = torch.from_numpy(labels[k * bs:(k + 1) * bs])
        opt.zero_grad()
        nn.functional.cross_entropy(net(xb), yb).backward()
        opt.step()
`;

describe("a loop of batch indexes counted as the rows over the batch", () => {
  it("walks the rows once a turn: they are the samples, and the counted loop around it the epochs", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value, plan.steps?.value], [7, 3000, 60, 7 * 50]);
  });

  it("reads the count rounded up, floored or with one more turn for the last chunk", async () => {
    for (const count of ["n_rows // bs", "int(n_rows / bs) + 1", "math.ceil(n_rows / bs)"]) {
      const text = `import math\n${SCRIPT.replace("int(n_rows / bs)", count)}`;
      const plan = (await analyze(text)).training ?? {};
      assert.deepEqual([plan.epochs?.value, plan.samples?.value], [7, 3000], count);
    }
  });

  it("reads no pass when the count divides by another figure, or the loop around it rebuilds what it slices", async () => {
    const other = (await analyze(SCRIPT.replace("int(n_rows / bs)", "int(n_rows / 100)"))).training ?? {};
    assert.equal(other.samples, undefined);
    assert.equal(other.epochs, undefined);
    const rebuilt = (await analyze(SCRIPT.replace("for r in range(7):\n", "for r in range(7):\n    feats = np.zeros((3000, 8), dtype='float32')\n"))).training ?? {};
    assert.equal(rebuilt.samples, undefined);
    assert.equal(rebuilt.epochs, undefined);
  });
});
