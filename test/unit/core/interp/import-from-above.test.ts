import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// A module inside a package that imports its package by its top-level name (`src/model/rcan.py`: `from model import
// common`) works where the training script in src/ put src/ on sys.path. The analyzer, opened on the module from the
// repository root, finds that folder above the file (src/core/interp/program.ts resolve).
describe("absolute imports from a folder above the file (src/core/interp/program.ts)", () => {
  it("resolve from the nearest folder above that holds the package, when nothing on the path has it", async () => {
    const m = await onlyModel(`import torch.nn as nn
from model import common

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = common.block(8)

    def forward(self, x):
        return self.body(x)

# greenlight: input=1x8
model = Net()
`, {
      file: "/project/src/model/net.py",
      others: {
        "/project/src/model/__init__.py": "",
        "/project/src/model/common.py": "import torch.nn as nn\n\ndef block(n):\n    return nn.Linear(n, n)\n",
        "/project/src/main.py": "from model import net\n",
      },
    });
    assert.equal(m.params, 8 * 8 + 8);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("a folder without __init__.py above counts where the dotted name reaches a module through it (a namespace package)", async () => {
    const m = await onlyModel(`import torch.nn as nn
from layers.backbone import make

# greenlight: input=1x6
model = nn.Sequential(make(6), nn.ReLU())
`, {
      file: "/project/series/models/net.py",
      others: {
        "/project/series/layers/backbone.py": "import torch.nn as nn\n\ndef make(n):\n    return nn.Linear(n, 2 * n)\n",
        "/project/series/run.py": "from models import net\n",
      },
    });
    assert.equal(m.params, 6 * 12 + 12);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("a folder without __init__.py above is no such package: the import stays unresolved with its reason", async () => {
    const m = await onlyModel(`import torch.nn as nn
from helpers import width

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, width)

    def forward(self, x):
        return self.fc(x)

model = Net()
`, { file: "/project/src/model/net.py", others: { "/project/src/helpers/notes.txt": "" } });
    assert.equal(m.complete, false);
  });
});

// Legacy tensor types (src/core/torch/tensor-methods.ts, bindings.ts): `.type(torch.ByteTensor)` with the class
// itself, and torch.cuda.FloatTensor, as older model code writes masks and buffers.
describe("legacy tensor types as classes (src/core/torch/tensor-methods.ts)", () => {
  it("Tensor.type(torch.ByteTensor) and torch.cuda.FloatTensor(...) give tensors of those dtypes", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 4)

    def forward(self, x):
        mask = (x > 0).type(torch.ByteTensor)
        y = x * mask.type(torch.cuda.FloatTensor)
        z = torch.cuda.FloatTensor(x.size(0), 8).fill_(1.0)
        return self.fc(y + z)

model = Net()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.flops, 2 * 8 * 4);
  });
});
