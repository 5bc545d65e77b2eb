import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// Optional dependencies and modules as dicts. The fixture (with pkg/blocks.py beside it) was run with PyTorch 1.13
// where neither missing package exists: 387 parameters, output [2, 3].
const blocks = `
import torch.nn as nn

NAMES = ["wide", "narrow", "deep"]


def wide(c):
    return nn.Linear(c, 32)


def narrow(c):
    return nn.Linear(c, 4)
`;

describe("optional imports and module dicts", () => {
  it("a missing module imported inside try raises ImportError, so the fallback runs; module.__dict__ and vars(module) list its names", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn
from pkg import blocks

try:
    from some_missing_accelerator.ops import fused_mlp
    FUSED = True
except ImportError:
    FUSED = False

try:
    import another_missing_package as amp_lib
except Exception:
    amp_lib = None


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        make = blocks.__dict__["wide" if not FUSED else "narrow"]
        self.body = make(8)
        self.head = nn.Linear(32 if amp_lib is None else 1, len(vars(blocks)["NAMES"]))

    def forward(self, x):
        return self.head(self.body(x))

model = Net()
`, { others: { "/project/pkg/__init__.py": "", "/project/pkg/blocks.py": blocks }, inputs: [{ shape: [2, 8], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 387);
    assert.deepEqual(m.output, [[2, 3]]);
    assert.equal(m.flops, 2 * 2 * (8 * 32 + 32 * 3));
  });

  it("outside try, a missing module stays an unknown value with its line and the rest still counts", async () => {
    const m = await onlyModel(`
import torch.nn as nn
from some_missing_accelerator.ops import fused_mlp


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 4)

    def forward(self, x):
        return self.fc(x)

model = Net()
`, { inputs: [{ shape: [2, 8], dtype: "float32" }] });
    assert.equal(m.params, 36);
    assert.equal(m.flops, 2 * 2 * 8 * 4);
  });
});

describe("optional imports: only the importing code's own try", () => {
  it("a package the analyzer cannot see, imported by a helper module, does not send the caller's try to its handler", async () => {
    // helpers.py needs a package no environment provides here; main.py's try is not helpers.py's own, so helpers.py
    // still loads (its missing import an unknown value) and its layers count, rather than main.py falling back
    const helpers = "import torch.nn as nn\nimport package_not_in_any_environment\n\ndef head(c):\n    return nn.Linear(c, 3)\n";
    const m = await onlyModel(`
import torch.nn as nn

try:
    import helpers
    head = helpers.head
except ImportError:
    head = None


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(8, 4)
        self.head = head(4) if head is not None else nn.Identity()

    def forward(self, x):
        return self.head(self.body(x))

model = Net()
`, { others: { "/project/helpers.py": helpers }, inputs: [{ shape: [2, 8], dtype: "float32" }] });
    assert.equal(m.params, 8 * 4 + 4 + 4 * 3 + 3);
    assert.deepEqual(m.output, [[2, 3]]);
  });
});

describe("a module named like its package", () => {
  it("imports the package's other modules by absolute name when the file beside it shadows the package", async () => {
    // pk/pk.py inside package pk imports pk.rot: from pk/ itself `pk` is pk.py (no submodules), so the import roots
    // decide, as when the package is imported (PyTorch 1.13 on `from pk.pk import Net`: 30 parameters)
    const m = await onlyModel(`
import torch.nn as nn
from pk.rot import width


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, width())

    def forward(self, x):
        return self.fc(x)
`, {
      file: "/project/pk/pk.py",
      entry: "Net()",
      others: { "/project/pk/__init__.py": "from pk.pk import Net\n", "/project/pk/rot.py": "def width():\n    return 6\n" },
      inputs: [{ shape: [1, 4], dtype: "float32" }],
    });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 30);
  });

  it("a submodule the package there lacks is named as Python's ModuleNotFoundError, not as out of the analyzer's sight", async () => {
    const m = await onlyModel(`
import torch.nn as nn
from pkg.helpers import to_pair
from pkg import blocks

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = blocks.wide(to_pair(8)[0])

    def forward(self, x):
        return self.fc(x)

model = Net()
`, { others: { "/project/pkg/__init__.py": "", "/project/pkg/blocks.py": blocks }, inputs: [{ shape: [2, 8], dtype: "float32" }] });
    assert.equal(m.complete, false);
    assert.match(m.unresolved.map((u) => u.reason).join("; "), /No module named 'pkg\.helpers': the pkg at \/project has no such module \(Python raises ModuleNotFoundError here\)/);
  });
});
