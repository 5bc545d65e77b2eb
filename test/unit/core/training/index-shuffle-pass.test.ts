import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A fresh shuffle of the indexes each turn is no new data (rebuiltNames in src/core/training/index-sliced-pass.ts):
// the counted loop around a loop of index slices over it is still an epoch loop, and the rows are its samples.
const SCRIPT = `import numpy as np
import torch
from torch import nn

xs = np.zeros((1000, 4), dtype="float32")
ys = np.zeros((1000,), dtype="int64")
width = 40
net = nn.Linear(4, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for turn in range(5):
    order = np.random.permutation(len(xs))
    for k in range(len(xs) // width):
        pick = order[k * width:(k + 1) * width]
        opt.zero_grad()
        nn.functional.cross_entropy(net(torch.from_numpy(xs[pick])), torch.from_numpy(ys[pick])).backward()
        opt.step()
`;

describe("a shuffle of the indexes around a loop of index slices", () => {
  it("is no rebuilt data: the loop around it is an epoch loop over the rows", async () => {
    for (const shuffle of ["np.random.permutation(len(xs))", "torch.randperm(len(xs)).numpy()", "np.random.default_rng(0).permutation(1000)"]) {
      const plan = (await analyze(SCRIPT.replace("np.random.permutation(len(xs))", shuffle))).training ?? {};
      assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value, plan.steps?.value], [5, 1000, 40, 5 * 25], shuffle);
    }
  });

  it("data drawn afresh each turn is still no pass over the same rows", async () => {
    const plan = (await analyze(SCRIPT.replace("np.random.permutation(len(xs))", "np.random.randint(0, 1000, size=1000)"))).training ?? {};
    assert.equal(plan.epochs, undefined);
  });
});
