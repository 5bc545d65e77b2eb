import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// Layer widths computed from small tensors of known numbers, as RegNet's BlockParams does (torchvision): arange,
// arithmetic with Python numbers, log/pow/round, an int cast, tolist(), torch.tensor(list) and diff.
// Truth from PyTorch 1.13 running this very script: 6,201 parameters (block widths [24, 56, 152, 152, 152, 152],
// stage depths [1, 1, 4]).
const source = `import math
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self, depth=6, w_0=24, w_a=36.44, w_m=2.49):
        super().__init__()
        widths_cont = torch.arange(depth) * w_a + w_0
        block_capacity = torch.round(torch.log(widths_cont / w_0) / math.log(w_m))
        block_widths = (torch.round(torch.divide(w_0 * torch.pow(w_m, block_capacity), 8)) * 8).int().tolist()
        splits = [w != wp for w, wp in zip(block_widths + [0], [0] + block_widths)]
        stage_depths = torch.diff(torch.tensor([d for d, t in enumerate(splits) if t])).int().tolist()
        self.body = nn.Sequential(*[nn.Linear(8, w) for w in block_widths])
        self.stages = nn.ModuleList([nn.Linear(d, 1) for d in stage_depths])

    def forward(self, x):
        return [layer(x) for layer in self.body]

model = Net()
`;

describe("known contents of small tensors (src/core/torch/known-values.ts)", () => {
  it("carry through element-wise ops, casts, torch.tensor and diff, so widths computed from them size the layers", async () => {
    const m = await onlyModel(source);
    const widths = [24, 56, 152, 152, 152, 152];
    const depths = [1, 1, 4];
    assert.equal(m.params, 6201);
    assert.equal(m.params, widths.reduce((s, w) => s + 8 * w + w, 0) + depths.reduce((s, d) => s + d + 1, 0));
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });
});

describe("torch._C's usage logging (src/core/torch/bindings.ts)", () => {
  it("torch._C._log_api_usage_once in a constructor is no gap: the model is complete", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        torch._C._log_api_usage_once(f"{self.__module__}.{self.__class__.__name__}")
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)

model = Net()
`);
    assert.equal(m.params, 10);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });
});
