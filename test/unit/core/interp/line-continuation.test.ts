import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// A backslash continuation is an "extra" in tree-sitter's Python tree, like a comment: it sits among a node's
// children wherever the line breaks, and must not be read as an operand.
describe("backslash line continuations", () => {
  it("inside a conditional expression, a list and call arguments, the code reads as if on one line", async () => {
    const model = await onlyModel(
      [
        "import torch.nn as nn",
        "",
        "class Net(nn.Module):",
        "    def __init__(self, rate=0.1):",
        "        super().__init__()",
        "        self.drop = nn.Dropout(rate) if rate > 0. \\",
        "            else nn.Identity()",
        "        self.layers = nn.ModuleList([nn.Linear(8, 16), \\",
        "                                     nn.Linear(16, 4)])",
        "        self.extra = nn.Linear(4, \\",
        "                               2)",
        "",
        "    def forward(self, x):",
        "        for layer in self.layers:",
        "            x = layer(x)",
        "        return self.extra(self.drop(x))",
      ].join("\n"),
      { inputs: [{ shape: [1, 8], dtype: "float32" }] },
    );
    const types = model.layers.filter((l) => l.path !== "").map((l) => `${l.path}:${l.type}`);
    assert.deepEqual(types, ["drop:Dropout", "layers:ModuleList", "layers.0:Linear", "layers.1:Linear", "extra:Linear"]);
    // Linear(8,16) + Linear(16,4) + Linear(4,2): (8*16+16) + (16*4+4) + (4*2+2)
    assert.equal(model.params, 144 + 68 + 10);
    assert.deepEqual(model.unresolved, []);
  });
});
