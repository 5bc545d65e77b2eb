import assert from "node:assert/strict";
import { analyze, onlyModel } from "../../helpers/analyze";

// List item and slice assignment as Python's list does it (src/core/interp/interpreter.ts setItem): timm's
// `x[idx:idx] = [x[idx] for _ in range(n)]` pads a per-layer setting list, and a silently ignored slice
// assignment had built every later layer from the wrong settings.
describe("list item and slice assignment (src/core/interp/interpreter.ts)", () => {
  it("a plain slice is replaced by however many values there are; an empty slice inserts; past the end appends", async () => {
    const m = await onlyModel(`import torch.nn as nn
x = [3]
x[-1:-1] = [x[-1] for _ in range(2)]
y = [1, 2, 3, 4]
y[1:3] = [9]
z = [1, 2]
z[5:] = [7, 8]
w = [0, 0, 0, 0]
w[::2] = [5, 6]

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(len(x) * 10 + sum(x), sum(y) + len(z) + z[-1] + w[2])

    def forward(self, t):
        return self.fc(t)

model = Net()
`);
    // Python: x = [3, 3, 3], y = [1, 9, 4], z = [1, 2, 7, 8], w = [5, 0, 6, 0]
    const inFeatures = 3 * 10 + 9;
    const outFeatures = 14 + 4 + 8 + 6;
    assert.equal(m.params, inFeatures * outFeatures + outFeatures);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("an index past the end raises IndexError, and an extended slice of the wrong size ValueError, as Python does", async () => {
    const m = await onlyModel(`import torch.nn as nn
a = [1, 2]
try:
    a[2] = 5
    width = 100
except IndexError:
    width = 4
b = [0, 0, 0]
try:
    b[::2] = [1]
    depth = 100
except ValueError:
    depth = 2

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(width, depth)

    def forward(self, t):
        return self.fc(t)

model = Net()
`);
    assert.equal(m.params, 4 * 2 + 2);
  });
});

describe("a library entry point that raises (src/core/analyze.ts)", () => {
  it("is still listed where the script builds it, with the error and where it was raised", async () => {
    const report = await analyze(`import torch.nn as nn

def create_model(name):
    raise ValueError(f"unknown model {name}")

model = create_model("net")
`);
    const listed = report.models.find((m) => m.name === "model");
    assert.ok(listed, `models: ${report.models.map((m) => m.name).join(", ")}`);
    assert.equal(listed.params, 0);
    assert.match(listed.unresolved[0]?.reason ?? "", /^not built: raised ValueError: unknown model net \(at .*:4\)$/);
  });
});
