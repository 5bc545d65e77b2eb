// A forward with several tensor arguments gets one input per argument, each from the module that first reads it
// (src/core/interp/argument-inputs.ts, argument-consumers.ts). Truth: PyTorch 1.13 through tools/measure/count.py on
// the same classes: Pair at 1x16 and 1x32, 400 parameters, 768 FLOPs, output [1, 8]; Tokens at 1x128 token ids
// and a 1x128 mask, 64,130 parameters, 256 FLOPs, output [1, 2].
import assert from "node:assert/strict";
import { modelNamed, analyze, onlyModel } from "../../helpers/analyze";

const TWO_INPUTS = `
import torch
from torch import nn

class Pair(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(16, 8)
        self.b = nn.Linear(32, 8)

    def forward(self, x, y):
        return self.a(x) + self.b(y)

class Tokens(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(1000, 64)
        self.out = nn.Linear(64, 2)

    def forward(self, ids, mask):
        h = self.emb(ids) * mask.unsqueeze(-1)
        return self.out(h.mean(1))
`;

describe("default inputs per forward argument (src/core/interp/argument-inputs.ts)", () => {
  it("gives each argument the input of the layer that reads it, so the forward runs whole", async () => {
    const result = await analyze(TWO_INPUTS);
    const pair = modelNamed(result, "Pair");
    assert.deepEqual(pair.inputs.map((i) => i.shape), [[1, 16], [1, 32]]);
    assert.equal(pair.complete, true, JSON.stringify(pair.unresolved));
    assert.equal(pair.params, 400);
    assert.equal(pair.flops, 768);
    assert.deepEqual(pair.output, [[1, 8]]);
  });

  it("an argument no layer reads directly (a mask) takes the first argument's shape", async () => {
    const tokens = modelNamed(await analyze(TWO_INPUTS), "Tokens");
    assert.deepEqual(tokens.inputs.map((i) => [i.shape, i.dtype]), [[[1, 128], "int64"], [[1, 128], "int64"]]);
    assert.equal(tokens.complete, true, JSON.stringify(tokens.unresolved));
    assert.equal(tokens.params, 64_130);
    assert.equal(tokens.flops, 256);
  });

  it("follows names derived from one argument (a view before the layer), not those a module computed", async () => {
    // x reaches self.b only after self.a made a new tensor of it: y is the one self.b reads first.
    const m = await onlyModel(`
import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(784, 8)
        self.b = nn.Linear(12, 8)

    def forward(self, x, y, scale=2.0):
        x = x.view(x.size(0), -1)
        h = self.a(x)
        z = torch.relu(y) * scale
        return h + self.b(z)
`);
    assert.deepEqual(m.inputs.map((i) => i.shape), [[1, 784], [1, 12]]);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("an argument a module of the model's own code reads first (a timestep's sinusoidal embedding) gets one value per sample", async () => {
    // PyTorch 1.13 (tools/measure/count.py) at 1x3x224x224 and a timestep of shape [1]: 8,259 parameters,
    // 192,688,128 FLOPs (convolutions 192,675,840, the time MLP's matmuls 12,288).
    const m = await onlyModel(`
import math
import torch
from torch import nn

class SinusoidalPositionEmbeddings(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, time):
        half_dim = self.dim // 2
        embeddings = math.log(10000) / (half_dim - 1)
        embeddings = torch.exp(torch.arange(half_dim, device=time.device) * -embeddings)
        embeddings = time[:, None] * embeddings[None, :]
        return torch.cat((embeddings.sin(), embeddings.cos()), dim=-1)

class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.time_mlp = nn.Sequential(SinusoidalPositionEmbeddings(32), nn.Linear(32, 64), nn.GELU(), nn.Linear(64, 64))
        self.conv = nn.Conv2d(3, 64, 3, padding=1)
        self.out = nn.Conv2d(64, 3, 1)

    def forward(self, x, timestep):
        t = self.time_mlp(timestep)
        return self.out(self.conv(x) + t[:, :, None, None])
`);
    assert.deepEqual(m.inputs.map((i) => i.shape), [[1, 3, 224, 224], [1]]);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 8_259);
    assert.equal(m.flops, 192_688_128);
  });

  it("a forward of one argument keeps its single input from the first layer", async () => {
    const m = await onlyModel(`
import torch
from torch import nn

class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 32)
        self.fc2 = nn.Linear(32, 10)

    def forward(self, x):
        x = x.view(x.size(0), -1)
        return self.fc2(torch.relu(self.fc1(x)))
`);
    assert.deepEqual(m.inputs.map((i) => i.shape), [[1, 784]]);
    assert.equal(m.complete, true);
  });

  it("a one-argument forward reads the channels of the module it applies to its input, not of the first one registered", async () => {
    const result = await analyze(`
import torch
from torch import nn

class Refine(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(*[nn.Conv2d(32, 32, 3, padding=1) for _ in range(4)])
        self.head = nn.Conv2d(3, 32, 3, padding=1)
        self.tail = nn.Conv2d(32, 3, 3, padding=1)

    def forward(self, x):
        skip = x
        y = torch.relu(self.head(x))
        y = self.body(y)
        return self.tail(y) + skip
`);
    const refine = modelNamed(result, "Refine");
    assert.deepEqual(refine.inputs.map((i) => i.shape), [[1, 3, 224, 224]]);
    assert.equal(refine.complete, true, JSON.stringify(refine.unresolved));
    // head 3*32*9 + 32, body 4 * (32*32*9 + 32), tail 32*3*9 + 3.
    assert.equal(refine.params, 896 + 4 * 9248 + 867);
  });

  it("a module list the forward walks (for i, block in enumerate(self.blocks)) is what reads the input, though registered after the head", async () => {
    const result = await analyze(`
import torch
from torch import nn

class Ladder(nn.Module):
    def __init__(self):
        super().__init__()
        rungs = []
        for i in range(3):
            rungs.append(nn.Conv2d(3 if i == 0 else 16, 16, 3, padding=1))
        # registered first, applied last: the list is assigned after it
        self.head = nn.Conv2d(16, 2, 1)
        self.rungs = nn.ModuleList(rungs)

    def forward(self, x):
        for i, rung in enumerate(self.rungs):
            x = torch.relu(rung(x))
        return self.head(x)
`);
    const ladder = modelNamed(result, "Ladder");
    assert.deepEqual(ladder.inputs.map((i) => i.shape), [[1, 3, 224, 224]]);
    assert.equal(ladder.complete, true, JSON.stringify(ladder.unresolved));
    // rungs (3*16*9 + 16) + 2 * (16*16*9 + 16), head 16*2 + 2.
    assert.equal(ladder.params, 448 + 2 * 2320 + 34);
  });

  it("a block of the model's own code reads what its forward first hands the input to, skipping a branch not built", async () => {
    const result = await analyze(`
import torch
from torch import nn

class Branchy(nn.Module):
    def __init__(self, cin, cout, fused=False):
        super().__init__()
        self.fused = fused
        # registered first, applied last: they read cout channels
        self.act = nn.ReLU()
        self.gate = nn.Sequential(nn.Conv2d(cout, cout // 4, 1), nn.ReLU(), nn.Conv2d(cout // 4, cout, 1), nn.Sigmoid())
        if fused:
            self.merged = nn.Conv2d(cin, cout, 3, padding=1)
        else:
            self.wide = nn.Conv2d(cin, cout, 3, padding=1)
            self.thin = nn.Conv2d(cin, cout, 1)

    def forward(self, x):
        if self.fused:
            return self.act(self.merged(x))
        y = self.act(self.wide(x) + self.thin(x))
        return y * self.gate(y)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = Branchy(3, 16)
        self.head = nn.Linear(16, 10)

    def forward(self, x):
        return self.head(self.stem(x).mean((2, 3)))
`);
    const net = modelNamed(result, "Net");
    assert.deepEqual(net.inputs.map((i) => i.shape), [[1, 3, 224, 224]]);
    assert.equal(net.complete, true, JSON.stringify(net.unresolved));
  });
});
