import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// Python and PyTorch rules the sixth sweep's held-out repositories needed, each on our own fixture. Figures by hand
// with torch.utils.flop_counter's conventions (Linear 2·in·out per row; elementwise and reductions 0).
describe("sixth sweep patterns", function () {
  this.timeout(20_000);

  it("type(name, bases, dict) makes a class: its attributes, nested classes and methods", async () => {
    const m = await onlyModel(`
import torch.nn as nn

Cfg = type("Cfg", (), {"width": 16, "model": type("M", (), {"depth": 2}), "double": lambda self: self.width * 2})

class Net(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.layers = nn.Sequential(*[nn.Linear(cfg.width, cfg.width) for _ in range(cfg.model.depth)])
        self.head = nn.Linear(cfg.width, Cfg().double())

    def forward(self, x):
        return self.head(self.layers(x))
`, { entry: "Net(Cfg)", inputs: [{ shape: [1, 16], dtype: "float32" }] });
    assert.deepEqual(m.unresolved, []);
    assert.equal(m.params, 2 * (16 * 16 + 16) + 16 * 32 + 32);
    assert.equal(m.flops, 2 * (2 * 16 * 16) + 2 * 16 * 32);
  });

  it("numpy's keyword names (keepdims, axis) as PyTorch's parser takes them; sdp_kernel and empty_cache change nothing counted", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn
import torch.nn.functional as F

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)

    def forward(self, x):
        y = self.fc(x - x.mean(axis=-1, keepdims=True))
        torch.cuda.empty_cache()
        with torch.backends.cuda.sdp_kernel(enable_flash=False):
            a = F.scaled_dot_product_attention(y, y, y)
        return torch.sum(a, dim=-1, keepdims=True)
`, { entry: "Net()", inputs: [{ shape: [1, 4, 8], dtype: "float32" }] });
    assert.deepEqual(m.unresolved, []);
    assert.deepEqual(m.output, [[1, 4, 1]]);
    // the Linear over 4 rows, then attention's two matmuls 2·4·4·(8 + 8)
    assert.equal(m.flops, 2 * 4 * 8 * 8 + 2 * 4 * 4 * 16);
  });
});
