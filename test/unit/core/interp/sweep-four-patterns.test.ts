import { strict as assert } from "node:assert";
import { onlyModel } from "../../helpers/analyze";

// Patterns met in the fourth fresh sweep (docs/real-world.md); each fixture is our own small code and each figure is
// worked out from PyTorch's documented formulas (conv: 2*out_numel*in_ch/groups*prod(kernel); mm: 2*m*k*n).
describe("patterns from the fourth fresh sweep", function () {
  this.timeout(20_000);

  it("`+=` on an nn.ModuleList extends it in place (__iadd__), `+` builds a new one", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Stack(nn.Module):",
      "    def __init__(self, n):",
      "        super().__init__()",
      "        self.blocks = nn.ModuleList([])",
      "        for _ in range(n):",
      "            self.blocks += [nn.Linear(8, 8)]",
      "        self.more = self.blocks + [nn.Linear(8, 4)]",
      "    def forward(self, x):",
      "        for b in self.more:",
      "            x = b(x)",
      "        return x",
    ].join("\n"), { entry: "Stack(3)", inputs: [{ shape: [2, 8], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.params, 3 * (64 + 8) + 36);
    assert.equal(model.flops, 3 * 2 * 2 * 8 * 8 + 2 * 2 * 8 * 4);
  });

  it("nn.Sequential joins with `+`, `+=` and repeats with `*`, sharing the same layers", async () => {
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        body = nn.Sequential(nn.Linear(6, 6), nn.ReLU())",
      "        body += nn.Sequential(nn.Linear(6, 6))",
      "        self.net = body * 2 + nn.Sequential(nn.Linear(6, 3))",
      "    def forward(self, x):",
      "        return self.net(x)",
    ].join("\n"), { inputs: [{ shape: [1, 6], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.params, 2 * 42 + 21);
    assert.equal(model.flops, 4 * 2 * 36 + 2 * 18);
  });

  it("torch.from_numpy of an array the code builds keeps its shape (an identity added to a predicted transform)", async () => {
    const model = await onlyModel([
      "import numpy as np",
      "import torch",
      "import torch.nn as nn",
      "class STN(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.fc = nn.Linear(16, 9)",
      "        self.conv = nn.Conv1d(3, 8, 1)",
      "    def forward(self, x):",
      "        iden = torch.from_numpy(np.array([1, 0, 0, 0, 1, 0, 0, 0, 1]).astype(np.float32)).view(1, 9)",
      "        t = (self.fc(torch.zeros(x.size(0), 16)) + iden.repeat(x.size(0), 1)).view(-1, 3, 3)",
      "        return self.conv(torch.bmm(x.transpose(2, 1), t).transpose(2, 1))",
    ].join("\n"), { inputs: [{ shape: [2, 3, 100], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.flops, 2 * 2 * 16 * 9 + 2 * 2 * 100 * 3 * 3 + 2 * 2 * 100 * 8 * 3);
  });

  it("numpy.eye / identity / zeros / full build arrays of their shape and dtype, which torch.from_numpy keeps", async () => {
    const model = await onlyModel([
      "import numpy as np",
      "import torch",
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self, k):",
      "        super().__init__()",
      "        self.k = k",
      "        self.fc = nn.Linear(4, k * k)",
      "        self.out = nn.Linear(k * k, 2)",
      "    def forward(self, x):",
      "        iden = torch.from_numpy(np.eye(self.k).flatten().astype(np.float32)).view(1, self.k * self.k)",
      "        pad = torch.from_numpy(np.zeros((1, self.k * self.k), dtype=np.float32))",
      "        fill = torch.from_numpy(np.full((self.k * self.k,), 0.5)).float()",
      "        ident = torch.from_numpy(np.identity(self.k)).float().view(1, -1)",
      "        return self.out(self.fc(x) + iden + pad + fill + ident)",
    ].join("\n"), { entry: "Net(3)", inputs: [{ shape: [2, 4], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.flops, 2 * 2 * 4 * 9 + 2 * 2 * 9 * 2);
  });

  it("torch.from_numpy of an array read from outside the code stays unknown, and says so", async () => {
    const model = await onlyModel([
      "import numpy as np",
      "import torch",
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.fc = nn.Linear(4, 4)",
      "    def forward(self, x):",
      "        return self.fc(x) + torch.from_numpy(np.load('table.npy'))",
    ].join("\n"), { inputs: [{ shape: [2, 4], dtype: "float32" }] });
    assert.equal(model.complete, false);
  });

  it("a subclass of nn.TransformerEncoderLayer calls torch's own _sa_block and _ff_block", async () => {
    // d=16, ff=32, T=5, batch_first: q/k/v in_proj 3*2*5*16*16, scores and weighted sum 2*2*5*5*16, out_proj
    // 2*5*16*16, feed-forward 2*2*5*16*32.
    const model = await onlyModel([
      "import torch.nn as nn",
      "class Layer(nn.TransformerEncoderLayer):",
      "    def forward(self, x):",
      "        x = self.norm1(x + self._sa_block(x, None, None))",
      "        return self.norm2(x + self._ff_block(x))",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.layer = Layer(16, 2, dim_feedforward=32, batch_first=True)",
      "    def forward(self, x):",
      "        return self.layer(x)",
    ].join("\n"), { inputs: [{ shape: [1, 5, 16], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.equal(model.flops, 3 * 2 * 5 * 16 * 16 + 2 * 2 * 5 * 5 * 16 + 2 * 5 * 16 * 16 + 2 * 2 * 5 * 16 * 32);
  });

  it("nn.MaxUnpool2d and F.max_unpool2d invert a max pool with its indices, to the size asked or the default", async () => {
    // Both convs run at the unpooled 16x16 (16x16 -> 8x8 -> 16x16): 2*(4*16*16)*4*9 each.
    const model = await onlyModel([
      "import torch.nn as nn",
      "import torch.nn.functional as F",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.pool = nn.MaxPool2d(2, 2, return_indices=True)",
      "        self.unpool = nn.MaxUnpool2d(2, 2)",
      "        self.conv = nn.Conv2d(4, 4, 3, padding=1)",
      "    def forward(self, x):",
      "        size = x.size()",
      "        y, idx = self.pool(x)",
      "        a = self.conv(self.unpool(input=y, indices=idx, output_size=size))",
      "        b = self.conv(F.max_unpool2d(y, idx, kernel_size=2))",
      "        return a + b",
    ].join("\n"), { inputs: [{ shape: [1, 4, 16, 16], dtype: "float32" }] });
    assert.equal(model.complete, true);
    assert.deepEqual(model.output, [[1, 4, 16, 16]]);
    assert.equal(model.flops, 2 * 2 * 16 * 16 * 4 * 4 * 9);
  });
});
