import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// The forward pass is measured as inference runs it, after model.eval(); PyTorch 1.13 on the same code in eval mode:
// 108 parameters, 160 FLOPs, output [1, 2] (in training mode it would also run the auxiliary head: 192 FLOPs).
describe("forward in eval mode", () => {
  it("does not take `if self.training:` branches: an auxiliary head has parameters but no FLOPs", async () => {
    const m = await onlyModel(`
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(8, 8)
        self.head = nn.Linear(8, 2)
        self.aux = nn.Linear(8, 2)

    def forward(self, x):
        h = self.body(x)
        if self.training:
            return self.head(h), self.aux(h)
        return self.head(h)
`, { inputs: [{ shape: [1, 8], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 108);
    assert.equal(m.flops, 2 * (8 * 8 + 8 * 2));
    assert.deepEqual(m.output, [[1, 2]]);
  });

  it("calls the model's own eval() when it overrides it", async () => {
    const m = await onlyModel(`
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(8, 8)
        self.deploy = False

    def eval(self):
        self.deploy = True
        return super().eval()

    def forward(self, x):
        return self.body(x) if self.deploy else self.body(self.body(x))
`, { inputs: [{ shape: [1, 8], dtype: "float32" }] });
    assert.equal(m.flops, 2 * 8 * 8);
  });
});

// PyTorch 1.13 on the same code: 448 parameters, 221,184 FLOPs, output [1, 8, 4, 4].
describe("layer attributes assigned after construction", () => {
  it("a conv's stride, padding and dilation and a pool's kernel_size set later are what forward uses, deep copies included", async () => {
    const m = await onlyModel(`
import copy
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        conv = nn.Conv2d(3, 8, 3, stride=2, padding=1)
        conv.stride = (1, 1)
        self.a = conv
        self.b = copy.deepcopy(conv)
        self.b.dilation, self.b.padding = (2, 2), (2, 2)
        self.pool = nn.MaxPool2d(2)
        self.pool.kernel_size = 4
        self.pool.stride = 4
        assert self.a.stride == (1, 1)

    def forward(self, x):
        return self.pool(self.b(self.a(x)[:, :3]))
`, { inputs: [{ shape: [1, 3, 16, 16], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 448);
    assert.equal(m.flops, 221184);
    assert.deepEqual(m.output, [[1, 8, 4, 4]]);
  });
});
