import { strict as assert } from "node:assert";
import { onlyModel } from "../../../helpers/analyze";

// nn.quantized.FloatFunctional / torch.ao.nn.quantized.FloatFunctional (src/core/torch/layers/float-functional.ts):
// in a float model its methods are the tensor operations. Our own fixture; tools/measure/count.py (PyTorch 1.13) gives
// 584 parameters and 59,904 FLOPs (the 3x3 convolution's 41,472 and the batched matmul's 18,432), output [1, 16, 16].
const fixture = `
import torch
import torch.nn as nn
from torch.ao.nn.quantized import FloatFunctional as AoFloatFunctional


class Fuse(nn.Module):
    def __init__(self, c=8):
        super().__init__()
        self.conv = nn.Conv2d(c, c, 3, padding=1)
        self.skip_add = nn.quantized.FloatFunctional()
        self.ops = AoFloatFunctional()

    def forward(self, x, y):
        a = self.skip_add.add(self.conv(x), x)
        b = self.ops.add_relu(a, y)
        c = self.ops.cat([a, self.ops.mul_scalar(b, 0.5)], dim=1)
        d = self.ops.mul(c, c)
        return self.ops.add_scalar(d.flatten(2) @ d.flatten(2).transpose(1, 2), 1.0)
`;

describe("FloatFunctional", function () {
  this.timeout(20_000);

  it("add, add_relu, cat, mul, mul_scalar and add_scalar are the tensor operations", async () => {
    const m = await onlyModel(fixture, { entry: "Fuse()", inputs: [{ shape: [1, 8, 6, 6], dtype: "float32" }, { shape: [1, 8, 6, 6], dtype: "float32" }] });
    assert.deepEqual(m.unresolved, []);
    assert.equal(m.complete, true);
    assert.equal(m.params, 584);
    assert.equal(m.flops, 59904);
    assert.deepEqual(m.output, [[1, 16, 16]]);
  });

  it("calling it directly fails as PyTorch's forward does", async () => {
    const m = await onlyModel(fixture.replace("a = self.skip_add.add(self.conv(x), x)", "a = self.skip_add(self.conv(x))"), { entry: "Fuse()", inputs: [{ shape: [1, 8, 6, 6], dtype: "float32" }, { shape: [1, 8, 6, 6], dtype: "float32" }] });
    assert.equal(m.complete, false);
    assert.match(m.unresolved.map((u) => u.reason).join("; "), /not intended to use the 'forward'/);
  });
});
