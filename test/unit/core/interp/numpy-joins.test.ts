import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// numpy's joins and grids as shapes (src/core/interp/numpy-joins.ts): a fixed 2-D sin-cos position table built with
// meshgrid, stack, einsum('m,d->md') and concatenate, then torch.from_numpy (MAE / I-JEPA style). PyTorch 1.13 and
// numpy on the same code (tools/measure/count.py): 3546 parameters (the table's 272 included), 197248 FLOPs. Before,
// the table was unknown: 3274 parameters, the model partial.
describe("numpy joins (src/core/interp/numpy-joins.ts)", () => {
  it("meshgrid, stack, einsum and concatenate give numpy's shapes, and the table is a parameter of the right size", async () => {
    const m = await onlyModel(`import numpy as np
import torch
import torch.nn as nn


def sincos_table(dim, grid_size, cls_token=False):
    grid_h = np.arange(grid_size, dtype=float)
    grid_w = np.arange(grid_size, dtype=float)
    grid = np.stack(np.meshgrid(grid_w, grid_h), axis=0).reshape([2, 1, grid_size, grid_size])
    omega = 1.0 / 10000 ** (np.arange(dim // 4, dtype=float) / (dim / 4.0))
    halves = []
    for axis in range(2):
        out = np.einsum("m,d->md", grid[axis].reshape(-1), omega)
        halves.append(np.concatenate([np.sin(out), np.cos(out)], axis=1))
    table = np.concatenate(halves, axis=1)
    if cls_token:
        table = np.concatenate([np.zeros([1, dim]), table], axis=0)
    return table


# greenlight: input=2x3x32x32
class TinyViT(nn.Module):
    def __init__(self, dim=16, patch=8):
        super().__init__()
        self.embed = nn.Conv2d(3, dim, patch, patch)
        table = sincos_table(dim, 32 // patch, cls_token=True)
        assert table.shape == (1 + (32 // patch) ** 2, dim)
        self.pos = nn.Parameter(torch.from_numpy(table).float().unsqueeze(0), requires_grad=False)
        self.cls = nn.Parameter(torch.zeros(1, 1, dim))
        self.head = nn.Linear(dim, 10)

    def forward(self, x):
        x = self.embed(x).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls.expand(x.shape[0], -1, -1), x], dim=1) + self.pos
        return self.head(x[:, 0])


model = TinyViT()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 3546);
    assert.equal(m.flops, 197248);
    assert.deepEqual(m.output, [[2, 10]]);
  });

  it("concatenating arrays whose other axes differ is numpy's ValueError", async () => {
    const m = await onlyModel(`import numpy as np
import torch
import torch.nn as nn

# greenlight: input=1x4
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        table = np.concatenate([np.zeros([2, 3]), np.zeros([2, 4])], axis=0)
        self.register_buffer("t", torch.from_numpy(table))
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)

model = Net()
`);
    assert.match(JSON.stringify(m.unresolved), /concatenation axis must match/);
  });

  it("meshgrid takes ranges as numpy does (array-like): a depth backprojection's pixel grid is a (2, h, w) parameter", async () => {
    // PyTorch 1.13 and numpy on the same class: 111 parameters (the grid's 2 x 6 x 8 = 96 included).
    const m = await onlyModel(`import numpy as np
import torch
import torch.nn as nn


# greenlight: input=2x4
class Backproject(nn.Module):
    def __init__(self, height=6, width=8):
        super().__init__()
        grid = np.meshgrid(range(width), range(height), indexing='xy')
        self.id_coords = nn.Parameter(torch.from_numpy(np.stack(grid, axis=0).astype(np.float32)), requires_grad=False)
        self.proj = nn.Linear(4, 3)

    def forward(self, x):
        return self.proj(x) + self.id_coords.sum()


model = Backproject()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 111);
  });
});
