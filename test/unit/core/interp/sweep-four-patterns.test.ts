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
});
