import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// `is` between values CPython shares: identifier-like strings are interned, small ints cached, Ellipsis a singleton.
// PyTorch 1.13 (Python 3.11) on the same code: 40 parameters, output [1, 8].
describe("identity of interned values", () => {
  it("`kind is 'proj'` holds when the caller passed the literal, as in CPython", async () => {
    const m = await onlyModel(`
import torch.nn as nn

class Block(nn.Module):
    def __init__(self, kind, width=4):
        super().__init__()
        wide = kind is "proj" and width is 4 and ... is Ellipsis
        self.fc = nn.Linear(4, 8 if wide else 4)

    def forward(self, x):
        return self.fc(x)

model = Block("proj")
`, { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.equal(m.params, 40);
    assert.deepEqual(m.output, [[1, 8]]);
  });
});
