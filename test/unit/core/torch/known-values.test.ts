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

describe("torch.unique, unique_consecutive and bincount of known contents (src/core/torch/torch-functions.ts)", () => {
  it("give the distinct values with their counts, so stage widths and depths computed from block widths size the stages", async () => {
    // RegNet's stage split (timm): torch.unique(torch.tensor(widths), return_counts=True).
    const m = await onlyModel(`import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self, widths=(16, 16, 32, 32, 32, 64)):
        super().__init__()
        stage_widths, stage_depths = torch.unique(torch.tensor(widths), return_counts=True)
        stage_widths, stage_depths = stage_widths.tolist(), stage_depths.tolist()
        runs = torch.unique_consecutive(torch.tensor([1, 1, 2, 1])).tolist()
        hist = torch.bincount(torch.tensor([0, 2, 2])).tolist()
        self.stages = nn.ModuleList([nn.Linear(w, d) for w, d in zip(stage_widths, stage_depths)])
        self.extra = nn.Linear(len(runs), len(hist) + hist[2])

    def forward(self, x):
        return self.extra(x)

model = Net()
`);
    // stages: Linear(16, 2), Linear(32, 3), Linear(64, 1); runs [1, 2, 1]; hist [1, 0, 2]
    assert.equal(m.params, 16 * 2 + 2 + 32 * 3 + 3 + 64 * 1 + 1 + 3 * 5 + 5);
  });

  it("of contents the analyzer does not know stay a data-dependent gap, with its reason", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)

    def forward(self, x):
        y = self.fc(x)
        return torch.unique(y)

model = Net()
`);
    assert.equal(m.complete, false);
    assert.ok(m.unresolved.some((u) => /data-dependent/.test(u.reason)), JSON.stringify(m.unresolved));
  });
});

describe("conditions on the contents of masks built from known numbers (src/core/torch/known-values.ts)", () => {
  it("torch.ones/zeros/full keep their contents through a cast, comparison and full reduction, and a condition on them is decided", async () => {
    // transformers' masking_utils: `fast_all(mask)` is `mask.sum() == mask.numel()` over the default mask of ones.
    const m = await onlyModel(`import torch
import torch.nn as nn

def fast_all(mask):
    return mask.sum() == mask.numel()

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)
        self.other = nn.Linear(8, 32)

    def forward(self, x):
        mask = torch.ones(x.shape[0], 4).to(dtype=torch.bool)
        padded = torch.full((2,), 7) > torch.zeros(2)
        if fast_all(mask) and padded.all() and not (mask == 0).any():
            return self.fc(x)
        return self.other(x)

# greenlight: input=1x8
model = Net()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.flops, 2 * 8 * 8);
  });
});

describe("torch.flip of known contents (src/core/torch/known-values.ts)", () => {
  // timm's NesT sizes its levels from (4 ** torch.arange(levels)).flip(0).tolist(); PyTorch 1.13 gives [16, 4, 1] and,
  // for the 2-D case, [[2, 1, 0], [5, 4, 3]] (flip(1)) and [[3, 4, 5], [0, 1, 2]] (flip(0)).
  it("keeps the contents, reversed along the flipped dims, so sizes read from them build the layers", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

blocks = (4 ** torch.arange(3, dtype=torch.long)).flip(0).tolist()
rows = torch.arange(6).reshape(2, 3).flip(1).tolist()
cols = torch.arange(6).reshape(2, 3).flip(0).tolist()

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(blocks[0], blocks[1])
        self.b = nn.Linear(rows[0][0] + rows[1][2], cols[0][0])

    def forward(self, x):
        return self.b(torch.cat([self.a(x), x[:, :1]], dim=1))

model = Net()
`, { inputs: [{ shape: [1, 16], dtype: "float32" }] });
    assert.equal(m.params, 16 * 4 + 4 + (2 + 3) * 3 + 3);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });
});
