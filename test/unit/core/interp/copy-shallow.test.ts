import { strict as assert } from "node:assert";
import { analyze, modelNamed } from "../../helpers/analyze";

// copy.copy of a plain object is a new object with the same attributes (docs.python.org/3/library/copy.html): setting
// an attribute on the copy leaves the original as it was; a module stays the object itself, as before.
describe("copy.copy (interp/stdlib/copy.ts)", function () {
  this.timeout(60_000);

  it("makes a new plain object, so the original keeps its attributes", async () => {
    const result = await analyze(`import copy
import torch


class Settings:
    def __init__(self, width):
        self.width = width


base = Settings(32)
wide = copy.copy(base)
wide.width = 64
base_net = torch.nn.Linear(base.width, 1)
wide_net = torch.nn.Linear(wide.width, 1)
layer = torch.nn.Linear(4, 4)
same = copy.copy(layer) is layer
flag_net = torch.nn.Linear(2 if same else 3, 1)
`);
    assert.equal(modelNamed(result, "base_net").params, 33);
    assert.equal(modelNamed(result, "wide_net").params, 65);
    assert.equal(modelNamed(result, "flag_net").params, 3);
  });
});
