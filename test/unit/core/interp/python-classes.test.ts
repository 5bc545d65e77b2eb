import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// torchvision's builders check their settings with typing's aliases (MobileNetV3, ConvNeXt, EfficientNet):
// `isinstance(setting, Sequence)` with `from typing import Sequence` is collections.abc.Sequence's check in Python.
const source = (imports: string) => `${imports}
import torch.nn as nn

class Net(nn.Module):
    def __init__(self, widths: Sequence[int], table: Mapping[str, int]):
        super().__init__()
        if not (isinstance(widths, Sequence) and all([isinstance(w, int) for w in widths])):
            raise TypeError("widths should be a Sequence[int]")
        if not isinstance(table, Mapping) or isinstance(table, Sequence):
            raise TypeError("table should be a Mapping")
        self.layers = nn.Sequential(*[nn.Linear(table["in"], w) for w in widths])

    def forward(self, x):
        return self.layers[0](x)

model = Net([8, 8], {"in": 4})
`;

describe("typing's generic aliases in isinstance (src/core/interp/stdlib.ts)", () => {
  for (const imports of ["from typing import Mapping, Sequence", "from collections.abc import Mapping, Sequence"]) {
    it(`${imports}: a list is a Sequence, a dict a Mapping and not a Sequence`, async () => {
      const m = await onlyModel(source(imports));
      assert.equal(m.params, 2 * (4 * 8 + 8));
      assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    });
  }
});

describe("the __init__ @dataclass writes (src/core/interp/interpreter.ts)", () => {
  it("is reached through super().__init__ from a subclass's own __init__, then runs __post_init__", async () => {
    // torchvision's MBConvConfig adjusts its widths, then hands them to the _MBConvConfig dataclass.
    const m = await onlyModel(`from dataclasses import dataclass
import torch.nn as nn

@dataclass
class BaseConfig:
    width: int
    depth: int
    extra: int = 1

    def __post_init__(self):
        self.total = self.width + self.extra

class Config(BaseConfig):
    def __init__(self, width, depth, mult=2):
        width = width * mult
        super().__init__(width, depth)

c = Config(4, 3)
model = nn.Linear(c.width, c.total)
`);
    assert.equal(m.params, 8 * 9 + 9);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });
});

describe("typing's aliases of collections' classes (src/core/interp/stdlib/typing.ts)", () => {
  // torchvision's MaxViT builds its stem in a typing.OrderedDict: CPython's alias is callable and is the class.
  it("typing.OrderedDict() builds an OrderedDict that nn.Sequential takes", async () => {
    const m = await onlyModel(`from typing import OrderedDict
import torch.nn as nn

layers = OrderedDict()
layers["a"] = nn.Linear(4, 8)
layers["b"] = nn.Linear(8, 2)
model = nn.Sequential(layers)
`);
    assert.equal(m.params, 4 * 8 + 8 + 8 * 2 + 2);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });
});

describe("methods a metaclass defines, found on its classes (src/core/interp/interpreter.ts)", () => {
  // torchvision's WeightsEnum.verify("DEFAULT") calls cls.from_str, which StrEnumMeta (an EnumMeta) defines.
  it("cls.method() where the method is the metaclass's, bound to the class, also through a base", async () => {
    const m = await onlyModel(`import enum
import torch.nn as nn

class NamedMeta(enum.EnumMeta):
    def from_str(self, member):
        return self[member]

class NamedEnum(enum.Enum, metaclass=NamedMeta):
    pass

class Widths(NamedEnum):
    SMALL = 8
    LARGE = 32

model = nn.Linear(4, Widths.from_str("LARGE").value)
`);
    assert.equal(m.params, 4 * 32 + 32);
  });
});
