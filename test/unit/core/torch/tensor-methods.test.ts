import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

describe("tensor methods (src/core/torch/tensor-methods.ts)", () => {
  it("unfold makes overlapping windows a strided view with more elements than the tensor (halo attention)", async () => {
    // torch: zeros(1, 16, 38, 38).unfold(2, 14, 8).unfold(3, 14, 8) is [1, 16, 4, 4, 14, 14] (50,176 elements from
    // 23,104), and reshape(1, 16, 16, -1) then copies it to [1, 16, 16, 196].
    const m = await onlyModel(`
import torch.nn as nn
import torch.nn.functional as F

class Halo(nn.Module):
    def __init__(self):
        super().__init__()
        self.kv = nn.Conv2d(8, 16, 1)

    def forward(self, x):
        kv = F.pad(self.kv(x), [3, 3, 3, 3])
        kv = kv.unfold(2, 14, 8).unfold(3, 14, 8)
        return kv.reshape(1, 16, 16, -1)

# greenlight: input=1x8x32x32
model = Halo()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.deepEqual(m.output, [[1, 16, 16, 196]]);
    assert.equal(m.flops, 2 * 32 * 32 * 16 * 8);
  });

  it("a dense reshape keeps known contents: np.arange(n).reshape(r, c).tolist() indexes a scan order", async () => {
    const m = await onlyModel(`
import numpy as np
import torch.nn as nn

def zigzag(rows, cols):
    idx = np.arange(0, rows * cols, 1).reshape(rows, cols).tolist()
    order = []
    for i in range(rows):
        row = idx[i] if i % 2 == 0 else idx[i][::-1]
        order.extend(row)
    return order

class Scan(nn.Module):
    def __init__(self):
        super().__init__()
        self.order = zigzag(4, 4)
        self.fc = nn.Linear(len(self.order), 8)

    def forward(self, x):
        return self.fc(x[:, self.order])

# greenlight: input=2x16
model = Scan()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.flops, 2 * 2 * 16 * 8);
  });

  it("an imaginary literal scales a tensor as a complex scalar (a DCT kernel built with exp(-1j * pi * k / 2n))", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn
import torch.nn.functional as F

def dct_kernel(n):
    v = torch.fft.fft(torch.eye(n), dim=-1)
    k = torch.tensor(-1j, dtype=torch.complex64) * torch.pi * torch.arange(n)[None, :]
    return (v * torch.exp(k / (2 * n))).real

class Dct(nn.Module):
    def __init__(self, n=8):
        super().__init__()
        self.register_buffer("weights", dct_kernel(n).T.contiguous())

    def forward(self, x):
        return F.linear(x, self.weights)

# greenlight: input=4x8
model = Dct()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.flops, 2 * 4 * 8 * 8);
  });
});
