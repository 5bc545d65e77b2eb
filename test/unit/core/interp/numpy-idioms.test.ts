import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// numpy as model code uses it: per-block rates and tables built at construction, numpy scalars, np.newaxis in forward.
// Expected figures are worked out by hand here and were checked with PyTorch 1.13 / numpy 1.24 on the same code.
describe("numpy as model code uses it (issue 14)", () => {
  it("linspace/arange/cumsum tables, .tolist(), .item(), astype, scalars and indexing", async () => {
    const m = await onlyModel(`
import numpy as np
import torch
import torch.nn as nn

class Block(nn.Module):
    def __init__(self, dim, drop):
        super().__init__()
        self.fc = nn.Linear(dim, dim) if drop > 0.05 else nn.Identity()

    def forward(self, x):
        return x + self.fc(x)

class Net(nn.Module):
    def __init__(self, dim=32, depth=4, rate=0.1):
        super().__init__()
        dpr = np.linspace(0, rate, depth).tolist()
        rates = [r.item() for r in np.linspace(0, rate, num=depth)]
        assert rates == dpr and len(dpr) == depth
        widths = np.cumsum([1, 2, 3]).astype(np.int64)
        self.blocks = nn.ModuleList([Block(dim, dpr[i]) for i in range(depth)])
        self.extra = nn.Linear(dim, int(widths[-1]) * 2)
        self.scale = float(np.float32(0.5))
        self.steps = np.arange(start=0, stop=depth, step=2).tolist()
        self.head = nn.Linear(int(widths.sum()), len(self.steps) + np.array([1, 4]).max().item() - 3)

    def forward(self, x):
        for b in self.blocks:
            x = b(x)
        h = x[:, np.newaxis]
        h = h[..., None, :]
        return self.extra(h.squeeze(1).squeeze(1)) * self.scale
`, { inputs: [{ shape: [2, 32], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    // rates 0, .033, .067, .1: the last two blocks get a Linear
    assert.deepEqual(m.layers.filter((l) => l.type === "Linear").map((l) => l.path), ["blocks.2.fc", "blocks.3.fc", "extra", "head"]);
    assert.equal(m.params, 2 * (32 * 32 + 32) + (32 * 12 + 12) + (10 * 3 + 3));
    assert.equal(m.flops, 2 * (2 * 2 * 32 * 32) + 2 * 2 * 32 * 12);
    assert.deepEqual(m.output, [[2, 12]]);
  });

  it("an array indexed by a list, by None and by ... keeps numpy's shapes", async () => {
    const m = await onlyModel(`
import numpy as np
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        table = np.zeros((6, 4))[[0, 2, 5]][None, ..., np.newaxis]
        self.n = table.shape[1] * table.shape[2]
        self.fc = nn.Linear(4, self.n)

    def forward(self, x):
        return self.fc(x)
`, { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.deepEqual(m.output, [[1, 12]]);
  });

  it("weight_norm and spectral_norm re-parametrize a layer as PyTorch does", async () => {
    const m = await onlyModel(`
import torch.nn as nn
from torch.nn.utils import weight_norm, spectral_norm

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = weight_norm(nn.Conv1d(4, 8, 3, padding=1))
        self.fc = weight_norm(nn.Linear(8, 5), dim=None)
        self.sn = spectral_norm(nn.Linear(5, 3))

    def forward(self, x):
        return self.sn(self.fc(self.c1(x).transpose(1, 2)))
`, { inputs: [{ shape: [2, 4, 8], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    // weight_v as the weight, weight_g one per output channel (a scalar for dim=None); spectral_norm keeps the count
    assert.equal(m.params, (8 * 4 * 3 + 8 + 8) + (5 * 8 + 1 + 5) + (3 * 5 + 3));
    assert.equal(m.buffers, 3 + 5);
    assert.equal(m.flops, 2 * 2 * 8 * 8 * 4 * 3 + 2 * 16 * 8 * 5 + 2 * 16 * 5 * 3);
  });
});
