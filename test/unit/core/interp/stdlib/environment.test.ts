import assert from "node:assert/strict";
import { onlyModel } from "../../../helpers/analyze";

// sys.modules (src/core/interp/stdlib/environment.ts): a registry decorator finds the module a function was defined
// in and reads its table there, as timm's register_model reads sys.modules[fn.__module__].default_cfgs.
describe("sys.modules (src/core/interp/stdlib/environment.ts)", () => {
  it("maps a module's name to the module, so a decorator reads tables of the module its function lives in", async () => {
    const m = await onlyModel(`import sys
import torch.nn as nn
import models
from registry import widths

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(widths["net"], 4 if "registry" in sys.modules else 1)

    def forward(self, x):
        return self.fc(x)

model = Net()
`, {
      others: {
        "/project/registry.py": `import sys
widths = {}

def register(fn):
    mod = sys.modules[fn.__module__]
    widths[fn.__name__] = mod.default_widths[fn.__name__] if hasattr(mod, "default_widths") else 1
    return fn
`,
        "/project/models.py": `from registry import register
default_widths = {"net": 12}

@register
def net():
    return None
`,
      },
    });
    assert.equal(m.params, 12 * 4 + 4);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });
});
