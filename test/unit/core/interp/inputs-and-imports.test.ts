import assert from "node:assert/strict";
import { analyze, modelNamed, onlyModel } from "../../helpers/analyze";

describe("inputs", () => {
  it("takes the input from an example call in the file", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 5)
    def forward(self, x):
        return self.conv(x)

def demo():
    net = Net()
    net(torch.randn(2, 1, 28, 28))
`);
    assert.equal(m.inputSource, "example");
    assert.deepEqual(m.inputs[0].shape, [2, 1, 28, 28]);
    assert.deepEqual(m.output, [[2, 4, 24, 24]]);
  });

  it("defaults by the first layer: 3-channel conv, Linear(n), Embedding with the block size", async () => {
    const result = await analyze(`
import torch.nn as nn

class Conv(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv2d(3, 2, 1)
    def forward(self, x):
        return self.c(x)

class Tokens(nn.Module):
    def __init__(self):
        super().__init__()
        self.block_size = 64
        self.e = nn.Embedding(10, 4)
    def forward(self, idx):
        return self.e(idx)
`);
    assert.deepEqual(modelNamed(result, "Conv").inputs, [{ shape: [1, 3, 224, 224], dtype: "float32" }]);
    assert.deepEqual(modelNamed(result, "Tokens").inputs, [{ shape: [1, 64], dtype: "int64" }]);
    assert.equal(modelNamed(result, "Tokens").inputSource, "default");
  });
});

describe("imports between files", () => {
  it("resolves package and relative imports, re-exports and import *", async () => {
    const others = {
      "/project/pkg/__init__.py": "from .layers import Block\n",
      "/project/pkg/layers.py": "import torch.nn as nn\nfrom .sizes import *\n\nclass Block(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(WIDTH, WIDTH)\n    def forward(self, x):\n        return self.fc(x)\n",
      "/project/pkg/sizes.py": "WIDTH = 12\n_PRIVATE = 1\n",
    };
    const m = await onlyModel(`
import torch.nn as nn
from pkg import Block
import pkg.layers as layers

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = Block()
        self.b = layers.Block()
    def forward(self, x):
        return self.b(self.a(x))
`, { others });
    assert.equal(m.params, 2 * (12 * 12 + 12));
    assert.equal(m.complete, true);
  });

  it("survives import cycles and self-imports", async () => {
    const others = {
      "/project/a.py": "from b import B\nimport torch.nn as nn\nclass A(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(2, 2)\n    def forward(self, x):\n        return self.fc(x)\n",
      "/project/b.py": "from a import A\nB = 3\n",
    };
    const result = await analyze("import main\nfrom a import A\nmodel = A()\n", { others });
    assert.equal(modelNamed(result, "model").params, 6);
  });
});

describe("torch submodules", () => {
  it("imports torch.distributed as its own namespace", async () => {
    const m = await onlyModel(`
import torch.distributed as dist
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        width = 8 if dist.is_available() else 4
        self.fc = nn.Linear(2, width)
    def forward(self, x):
        return self.fc(x)
`);
    assert.equal(m.params, 2 * 4 + 4);
    assert.equal(m.complete, true);
  });
});

describe("training plan on request", () => {
  const script = `
import torch.nn as nn
EPOCHS = 5
net = nn.Linear(3, 2)
for epoch in range(EPOCHS):
    pass
`;
  it("reads the training plan by default and skips it when the host says so (the editor's keystroke path)", async () => {
    assert.equal((await analyze(script)).training?.epochs?.value, 5);
    assert.equal((await analyze(script, { readTraining: false })).training, undefined);
  });
});
