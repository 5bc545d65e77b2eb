import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

describe("forward interpretation", () => {
  it("follows tensor shapes through view, permute, split, cat, indexing and matmul", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn

# greenlight: input=2x16x32
class Attention(nn.Module):
    def __init__(self, dim=32, heads=4):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, dim * 3)
        self.out = nn.Linear(dim, dim)

    def forward(self, x):
        B, T, C = x.shape
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        q = q.view(B, T, self.heads, C // self.heads).permute(0, 2, 1, 3)
        k = k.reshape(B, T, self.heads, -1).transpose(1, 2)
        v = v.view(B, T, self.heads, C // self.heads).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) * (1.0 / (C // self.heads) ** 0.5)
        att = att.softmax(dim=-1)
        y = torch.matmul(att, v)
        y = y.transpose(1, 2).contiguous().view(B, T, C)
        y = torch.cat([y[:, :8], y[:, 8:]], dim=1)
        return self.out(y[:, [-1], :])
`);
    assert.equal(m.inputSource, "pragma");
    assert.deepEqual(m.inputs, [{ shape: [2, 16, 32], dtype: "float32" }]);
    // qkv: 2*(2*16)*32*96; scores: 2*B*H*T*T*d = 2*2*4*16*16*8, att@v the same; out on one position: 2*2*32*32
    const expected = 2 * 32 * 32 * 96 + 2 * (2 * 2 * 4 * 16 * 16 * 8) + 2 * 2 * 1 * 32 * 32;
    assert.equal(m.flops, expected);
    assert.deepEqual(m.output, [[2, 1, 32]]);
    assert.equal(m.complete, true);
  });

  it("applies an input pragma above the script's `model = Net()` as well as one above the class", async () => {
    const source = (pragmaAboveInstance: string) => `
import torch.nn as nn

# greenlight: input=2x32
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(32, 10)
    def forward(self, x):
        return self.fc(x)

${pragmaAboveInstance}
model = Net()
`;
    const onInstance = await onlyModel(source("# greenlight: input=4x32"));
    assert.equal(onInstance.inputSource, "pragma");
    assert.deepEqual(onInstance.inputs, [{ shape: [4, 32], dtype: "float32" }], "the pragma nearer the model wins");
    assert.equal(onInstance.flops, 2 * 4 * 32 * 10);
    const onClassOnly = await onlyModel(source(""));
    assert.deepEqual(onClassOnly.inputs, [{ shape: [2, 32], dtype: "float32" }]);
  });

  it("counts scaled_dot_product_attention and einsum as PyTorch's flop counter does", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn
import torch.nn.functional as F

class Mixer(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(16, 16)

    def forward(self, x):
        q = x.view(1, 10, 2, 8).transpose(1, 2)
        y = F.scaled_dot_product_attention(q, q, q)
        z = torch.einsum("bhtd,bhsd->bhts", y, y)
        return self.proj(y.transpose(1, 2).flatten(2)), z
`, { inputs: [{ shape: [1, 10, 16], dtype: "float32" }] });
    // sdpa: 4*B*H*T*S*d = 4*1*2*10*10*8; einsum bmm: 2*B*H*T*S*d = 2*1*2*10*10*8; proj: 2*10*16*16
    assert.equal(m.flops, 4 * 2 * 10 * 10 * 8 + 2 * 2 * 10 * 10 * 8 + 2 * 10 * 16 * 16);
    assert.deepEqual(m.output, [[1, 10, 16], [1, 2, 10, 10]]);
  });

  it("reports per-layer figures with paths, calls and shapes", async () => {
    const m = await onlyModel(`
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Linear(8 * 16 * 16, 10)

    def forward(self, x):
        x = self.body(x)
        return self.fc(x.flatten(1))
`, { inputs: [{ shape: [1, 3, 32, 32], dtype: "float32" }] });
    const conv = m.layers.find((l) => l.path === "body.0")!;
    assert.equal(conv.type, "Conv2d");
    assert.equal(conv.params, 3 * 8 * 9 + 8);
    assert.equal(conv.flops, 2 * 8 * 32 * 32 * 3 * 9);
    assert.deepEqual(conv.output, [1, 8, 32, 32]);
    assert.equal(conv.calls, 1);
    assert.deepEqual(m.layers.find((l) => l.path === "body.2")!.output, [1, 8, 16, 16]);
    const body = m.layers.find((l) => l.path === "body")!;
    assert.equal(body.flops, conv.flops);
    assert.equal(m.layers.find((l) => l.path === "")!.flops, m.flops);
    assert.equal(conv.line, 7);
  });
});

describe("op records", () => {
  it("give each op the shape it produced, operators included, for hints and memory traffic", async () => {
    const m = await onlyModel(`
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)
        self.head = nn.Linear(8, 2)

    def forward(self, x):
        y = self.fc(x)
        z = x + y
        return self.head(z[:, 0])
`, { inputs: [{ shape: [4, 3, 8], dtype: "float32" }] });
    const add = m.ops.find((op) => op.line === 12);
    assert.ok(add, JSON.stringify(m.ops.map((o) => [o.op, o.line])));
    assert.deepEqual(add.outputShape, [4, 3, 8]);
    assert.equal(add.outputElements, 96);
    const linear = m.ops.find((op) => op.modulePath === "fc")!;
    assert.deepEqual(linear.outputShape, [4, 3, 8]);
    assert.equal(linear.weightElements, 8 * 8 + 8);
  });
});

describe("torch namespaces and named results", () => {
  it("reaches torch.linalg and reads .values/.indices of reductions", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(6, 4)

    def forward(self, x):
        top = x.max(dim=1)
        n = torch.linalg.norm(x, dim=-1, keepdim=True)
        return self.fc(x / n), top.values, top.indices
`, { inputs: [{ shape: [2, 6], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.deepEqual(m.output, [[2, 4], [2], [2]]);
  });
});

describe("line shapes", () => {
  it("records the shape each forward line produced, views included", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)

    def forward(self, x):
        x = self.conv(x)
        x = torch.flatten(x, 1)
        return x.view(2, -1)
`, { inputs: [{ shape: [2, 3, 5, 5], dtype: "float32" }] });
    const at = (line: number) => m.lineShapes.find((s) => s.line === line)?.shape;
    assert.deepEqual(at(11), [2, 4, 3, 3]);
    assert.deepEqual(at(12), [2, 36]);
    assert.deepEqual(at(13), [2, 36]);
  });
});
