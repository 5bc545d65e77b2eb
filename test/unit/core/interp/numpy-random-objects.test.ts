import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// numpy's random-number objects as shapes (src/core/interp/numpy-random-objects.ts): synthetic data drawn from a
// seeded Generator or a legacy RandomState has the rows asked for, and a loader over it walks them.
const SCRIPT = `import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

gen = np.random.default_rng(7)
feats = gen.standard_normal((1800, 5)).astype(np.float32)
marks = gen.integers(0, 2, size=1800)
ds = TensorDataset(torch.from_numpy(feats), torch.from_numpy(marks))
dl = DataLoader(ds, batch_size=60, shuffle=True)
net = nn.Linear(5, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(3):
    for xb, yb in dl:
        opt.zero_grad()
        nn.functional.cross_entropy(net(xb), yb).backward()
        opt.step()
`;

describe("numpy random objects (src/core/interp/numpy-random-objects.ts)", () => {
  it("a Generator's samplers give arrays of the size asked for: the loader walks their rows", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value], [3, 1800, 60]);
  });

  it("a RandomState's rand, randn and randint do as numpy.random's functions", async () => {
    for (const draw of ["gen.randn(1800, 5)", "gen.rand(1800, 5)", "gen.normal(0.0, 1.0, (1800, 5))"]) {
      const text = SCRIPT.replace("np.random.default_rng(7)", "np.random.RandomState(7)").replace("gen.standard_normal((1800, 5))", draw).replace("gen.integers(0, 2, size=1800)", "gen.randint(0, 2, size=1800)");
      assert.equal((await analyze(text)).training?.samples?.value, 1800, draw);
    }
  });

  it("a sampler called with no size gives one number, no rows", async () => {
    const text = SCRIPT.replace("gen.standard_normal((1800, 5))", "gen.standard_normal()");
    assert.equal((await analyze(text)).training?.samples, undefined);
  });
  it("numpy.random.choice(a, size) draws `size` items, as a Generator's and a RandomState's choice do", async () => {
    const drawn = SCRIPT.replace("gen.standard_normal((1800, 5))", "np.random.choice(np.arange(10), (1800, 5))");
    assert.equal((await analyze(drawn)).training?.samples?.value, 1800);
    const one = SCRIPT.replace("gen.standard_normal((1800, 5))", "np.random.choice(np.arange(10))");
    assert.equal((await analyze(one)).training?.samples, undefined);
  });
});
