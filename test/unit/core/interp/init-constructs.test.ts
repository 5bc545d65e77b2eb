import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

describe("__init__ interpretation", () => {
  it("evaluates arithmetic, loops, comprehensions and builtins that size layers", async () => {
    const m = await onlyModel(`
import math
import torch.nn as nn

WIDTHS = [8, 16, 32]
SCALE = 2

def round_up(x, to=8):
    return int(math.ceil(x / to) * to)

class Net(nn.Module):
    expansion = 2

    def __init__(self, *args, in_features=4, **kwargs):
        super().__init__()
        dims = [in_features] + [w * SCALE for w in WIDTHS if w > 8]
        pairs = list(zip(dims[:-1], dims[1:]))
        self.blocks = nn.ModuleList()
        for i, (a, b) in enumerate(pairs):
            self.blocks.append(nn.Linear(a, b))
        i = 0
        while i < 1:
            i += 1
        last = max(dims) * self.expansion // 2
        self.head = nn.Linear(last, round_up(min(dims) + 1))
        self.extra = nn.ModuleList([nn.Linear(2, 2)])
        self.extra.extend([nn.Linear(2, 2) for _ in range(len(WIDTHS) - 2)])

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.head(x)
`);
    // dims = [4, 32, 64]; blocks: 4->32 (160), 32->64 (2112); head: 64 -> round_up(5) = 8 (520); extra: 2 x 6
    assert.equal(m.params, 160 + 2112 + 520 + 12);
    assert.equal(m.flops, 2 * (4 * 32 + 32 * 64 + 64 * 8));
    assert.deepEqual(m.output, [[1, 8]]);
  });

  it("uses helper methods, ModuleDict, OrderedDict and reassigned attributes", async () => {
    const m = await onlyModel(`
from collections import OrderedDict
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(100, 100)
        self.fc = nn.Linear(10, 10)
        self.stem = self._make_stem(10, 20)
        self.heads = nn.ModuleDict({"a": nn.Linear(20, 3), "b": nn.Linear(20, 5)})

    def _make_stem(self, a, b):
        return nn.Sequential(OrderedDict([("proj", nn.Linear(a, b)), ("act", nn.ReLU())]))

    def forward(self, x):
        x = self.stem(self.fc(x))
        return self.heads["a"](x), self.heads["b"](x)
`);
    // fc 110 (the first fc is replaced), stem.proj 220, heads 63 + 105
    assert.equal(m.params, 110 + 220 + 63 + 105);
    assert.deepEqual(m.output, [[1, 3], [1, 5]]);
    assert.ok(m.layers.some((l) => l.path === "stem.proj" && l.type === "Linear" && l.params === 220));
    assert.ok(!m.layers.some((l) => l.params === 100 * 100 + 100));
  });

  it("counts shared modules and tied weights once, as model.parameters() does", async () => {
    const m = await onlyModel(`
import torch.nn as nn

class Tied(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(50, 8)
        self.shared = nn.Linear(8, 8)
        self.again = self.shared
        self.out = nn.Linear(8, 50, bias=False)
        self.out.weight = self.embed.weight

    def forward(self, idx):
        x = self.again(self.shared(self.embed(idx)))
        return self.out(x)
`, { inputs: [{ shape: [1, 4], dtype: "int64" }] });
    // embed 400 (tied with out.weight), shared 72
    assert.equal(m.params, 400 + 72);
    // shared runs twice: 2 * (2*4*8*8), out: 2*4*8*50
    assert.equal(m.flops, 2 * 2 * 4 * 64 + 2 * 4 * 8 * 50);
  });

  it("resolves argparse defaults", async () => {
    const m = await onlyModel(`
import argparse
import torch.nn as nn
parser = argparse.ArgumentParser()
parser.add_argument("--hidden", type=int, default=24)
parser.add_argument("--no-bias", action="store_true")
args = parser.parse_args()

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(6, args.hidden, bias=not args.no_bias)
    def forward(self, x):
        return self.fc(x)
`);
    assert.equal(m.params, 6 * 24 + 24);
  });
});
