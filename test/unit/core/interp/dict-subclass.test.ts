import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// `self.__dict__ = self` in a dict subclass (src/core/interp/dict-subclass.ts): the object's attributes are its items,
// both ways, as in CPython. Our own fixture in the AttrDict style of vocoder configs; run with PyTorch 1.13 it has
// 4·5 + 5 weights (the weight-normed Linear's weight_v and bias) + 5 weight_g = 30 parameters and 40 FLOPs at 1x4.
const fixture = `
import torch.nn as nn
from torch.nn.utils import weight_norm

class AttrDict(dict):
    def __init__(self, *args, **kwargs):
        super(AttrDict, self).__init__(*args, **kwargs)
        self.__dict__ = self

class Net(nn.Module):
    def __init__(self, h):
        super().__init__()
        h["extra"] = 3          # an item is an attribute
        h.hidden = h.n + 1      # an attribute is an item
        self.fc = weight_norm(nn.Linear(h.n, h.get("m", 2) + h.extra + len(h) - 3))
        self.tail = nn.Linear(h["hidden"], 1) if "hidden" in h else None

    def forward(self, x):
        return self.fc(x)
`;

describe("dict subclasses", () => {
  it("AttrDict: self.__dict__ = self makes items and attributes one", async () => {
    const m = await onlyModel(fixture, { entry: "Net(AttrDict({'n': 4}))", inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.deepEqual(m.unresolved, []);
    // fc: Linear(4, 2 + 3 + 3 - 3) weight-normed; tail: Linear(5, 1) (6 parameters, not run)
    assert.equal(m.params, 20 + 5 + 5 + 6);
    assert.equal(m.flops, 2 * 4 * 5);
  });

  it("a layer that could not be built stays a gap through weight_norm instead of failing the model", async () => {
    const m = await onlyModel(fixture.replace("self.__dict__ = self", "pass"), { entry: "Net(AttrDict({'n': 4}))", inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.equal(m.complete, false);
  });
});
