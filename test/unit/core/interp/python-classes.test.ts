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
