import assert from "node:assert/strict";
import { onlyModel } from "../../../helpers/analyze";

// Item assignment into module containers (src/core/torch/nn/containers.ts): `seq[i] = layer` replaces the i-th child
// under its own name, in Sequential as in ModuleList. Truth: PyTorch 1.13 on the same file, 235 parameters.
describe("item assignment into nn containers (src/core/torch/nn/containers.ts)", () => {
  it("Sequential and ModuleList replace the i-th child, named or numbered, counting from the end for a negative index", async () => {
    const m = await onlyModel(`from collections import OrderedDict
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.seq = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 8))
        self.seq[2] = nn.Linear(8, 16)
        self.named = nn.Sequential(OrderedDict([("a", nn.Linear(2, 2)), ("b", nn.Linear(2, 2))]))
        self.named[-1] = nn.Linear(2, 5)
        self.blocks = nn.ModuleList([nn.Linear(3, 3) for _ in range(2)])
        self.blocks[0] = nn.Linear(3, 1)
        self.head = nn.Linear(16, len(self.seq) + len(self.named))

    def forward(self, x):
        return self.head(self.seq(x))

model = Net()
`);
    const expected = 4 * 8 + 8 + 8 * 16 + 16 + (2 * 2 + 2) + (2 * 5 + 5) + (3 * 1 + 1) + (3 * 3 + 3) + 16 * 5 + 5;
    assert.equal(m.params, expected);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });
});
