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
});
