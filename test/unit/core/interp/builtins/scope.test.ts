import assert from "node:assert/strict";
import { onlyModel } from "../../../helpers/analyze";

describe("globals() (src/core/interp/builtins/scope.ts)", () => {
  it("is the calling function's module namespace: a block looked up by its name is that function", async () => {
    const m = await onlyModel(`import torch.nn as nn

def wide(width):
    return nn.Linear(width, 2 * width)

def narrow(width):
    return nn.Linear(width, width // 2)

def block(identifier, width):
    if isinstance(identifier, str):
        identifier = globals().get(identifier)
    return identifier(width)

class Net(nn.Module):
    def __init__(self, kind='wide'):
        super().__init__()
        self.fc = block(kind, 8)

    def forward(self, x):
        return self.fc(x)

model = Net()
`);
    assert.equal(m.params, 8 * 16 + 16, "globals()['wide'] built the 8 -> 16 layer");
  });
});
