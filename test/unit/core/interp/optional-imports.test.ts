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
