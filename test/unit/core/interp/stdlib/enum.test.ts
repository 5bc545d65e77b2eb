import assert from "node:assert/strict";
import { onlyModel } from "../../../helpers/analyze";

// Enum members as tagged values (src/core/interp/enum-members.ts, stdlib/enum.ts): a model iterates an Enum of
// stage widths and reads `.value`, keys a dict by `.name`, takes auto() numbers from an IntEnum and compares a str
// mixin with a string. PyTorch 1.13 on the same code (tools/measure/count.py): 44384 parameters, 96223232 FLOPs,
// output [2, 192]. Before, `for stage in Stage:` was "iterating over a class" and nothing was built.
describe("enum (src/core/interp/enum-members.ts)", () => {
  it("iterates members in order, gives .name/.value, len, Cls[name], Cls(value), isinstance and auto()", async () => {
    const m = await onlyModel(`from enum import Enum, IntEnum, auto
import torch
import torch.nn as nn


class Stage(Enum):
    STEM = (3, 16)
    BODY = (16, 32)
    HEAD = (32, 64)


class Act(str, Enum):
    RELU = "relu"
    GELU = "gelu"


class Depth(IntEnum):
    SHALLOW = auto()
    DEEP = auto()
    DEEPER = auto()


# greenlight: input=2x3x32x32
class Net(nn.Module):
    def __init__(self, act=Act.GELU, depth=Depth.DEEP):
        super().__init__()
        layers = []
        for stage in Stage:
            c_in, c_out = stage.value
            layers.append(nn.Conv2d(c_in, c_out, 3, padding=1))
            layers.append(nn.GELU() if act == "gelu" else nn.ReLU())
        self.features = nn.Sequential(*layers)
        widths = {d.name: 64 * d.value for d in Depth}
        assert len(Stage) == 3 and isinstance(Stage.BODY, Stage) and Stage["HEAD"] is Stage.HEAD
        assert Depth(2) is Depth.DEEP and Act("relu") is Act.RELU
        self.blocks = nn.Sequential(*[nn.Linear(64, 64) for _ in range(depth)])
        self.fc = nn.Linear(64, widths[Depth.DEEPER.name])

    def forward(self, x):
        x = self.features(x).mean((2, 3))
        return self.fc(self.blocks(x))


model = Net()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 44384);
    assert.equal(m.flops, 96223232);
    assert.deepEqual(m.output, [[2, 192]]);
  });

  it("an unknown member name is Python's KeyError, and a value no member has is its ValueError", async () => {
    const m = await onlyModel(`from enum import Enum
import torch.nn as nn

class Mode(Enum):
    A = 1
    B = 2

# greenlight: input=1x4
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, Mode["C"].value)

    def forward(self, x):
        return self.fc(x)

model = Net()
`);
    assert.equal(m.complete, false);
    assert.match(JSON.stringify(m.unresolved), /KeyError/);
    const n = await onlyModel(`from enum import Enum
import torch.nn as nn

class Mode(Enum):
    A = 1

# greenlight: input=1x4
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, Mode(3).value)

    def forward(self, x):
        return self.fc(x)

model = Net()
`);
    assert.equal(n.complete, false);
    assert.match(JSON.stringify(n.unresolved), /is not a valid Mode/);
  });
});
