import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

describe("six's Python 2/3 names (src/core/interp/six-package.ts)", () => {
  it("string_types and six.moves.range read as Python 3's str and range", async () => {
    const m = await onlyModel(`import six
from six.moves import range
import torch.nn as nn

class Net(nn.Module):
    def __init__(self, widths=(4, 8, 16), act='relu'):
        super().__init__()
        self.act = nn.ReLU() if isinstance(act, six.string_types) else act
        self.layers = nn.ModuleList([nn.Linear(widths[i], widths[i + 1]) for i in range(len(widths) - 1)])

    def forward(self, x):
        for layer in self.layers:
            x = self.act(layer(x))
        return x

model = Net()
`);
    assert.equal(m.params, 4 * 8 + 8 + 8 * 16 + 16);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });
});
