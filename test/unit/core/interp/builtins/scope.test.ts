import assert from "node:assert/strict";
import { analyze, onlyModel } from "../../../helpers/analyze";

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

  it("eval() of a dotted name looks it up where it is called; eval() of other code stays unknown", async () => {
    const script = (kind: string) => `import torch.nn as nn

def wide(width):
    return nn.Linear(width, 2 * width)

def narrow(width):
    return nn.Linear(width, width // 2)

KINDS = {"wide": "wide", "narrow": "narrow", "layer": "nn.Identity", "code": "wide(8) or narrow"}

class Net(nn.Module):
    def __init__(self, kind="${kind}"):
        super().__init__()
        self.fc = eval(KINDS[kind])(8)

    def forward(self, x):
        return self.fc(x)

model = Net()
`;
    assert.equal((await onlyModel(script("wide"))).params, 8 * 16 + 16);
    assert.equal((await onlyModel(script("narrow"))).params, 8 * 4 + 4);
    assert.equal((await onlyModel(script("layer"))).params, 0, "a dotted name follows the attribute: nn.Identity");
    const code = await analyze(script("code"));
    assert.notEqual(code.models[0]?.params, 8 * 16 + 16, "an expression is not run");
  });

  it("eval() and globals() at a module's top level read the module's names", async () => {
    const m = await onlyModel(`import torch.nn as nn

WIDTH = 12
LAYER = "nn.Linear"
layer_class = eval(LAYER)
width = globals()["WIDTH"]
model = layer_class(width, 3)
`);
    assert.equal(m.params, 12 * 3 + 3);
  });
});
