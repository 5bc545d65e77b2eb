import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";
import { partialStatus } from "../../../../src/core/report/coverage";

// One unknown costs what it costs: the forward pass goes on past an unsupported call, the report says where each
// gap is and how much of the model was computed from known shapes.
describe("degrade, don't stop (issue 14)", () => {
  it("goes on past a failing call: later layers with known shapes still count, the gap has its file and line", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.first = nn.Linear(8, 16)
        self.side = nn.Linear(16, 16)
        self.last = nn.Linear(16, 4)

    def forward(self, x):
        x = self.first(x)
        extra = torch.cat(x, x)
        y = self.side(extra)
        z = self.last(x)
        return z + y.sum()
`, { inputs: [{ shape: [2, 8], dtype: "float32" }] });
    assert.equal(m.complete, false);
    const gap = m.unresolved.find((n) => n.line === 14);
    assert.ok(gap, JSON.stringify(m.unresolved));
    assert.match(gap.reason, /went on with an unknown value/);
    assert.ok(gap.file.endsWith(".py"), gap.file);
    // first (2x8x16) and last (2x16x4) are counted; side ran on the unknown and is estimated from the last shape
    assert.equal(m.flops, 2 * 2 * 8 * 16 + 2 * 2 * 16 * 4);
    assert.equal(m.coverage.layersKnown, 2);
    assert.equal(m.coverage.layersTotal, 3);
    assert.equal(m.coverage.flopsEstimatedMissing, 2 * (16 * 16) * 2);
    assert.equal(m.coverage.flopsShare, 768 / (768 + 1024));
  });

  it("says the known share is an upper bound when a layer could not be built at all", async () => {
    const m = await onlyModel(`
import torch.nn as nn
from not_installed_anywhere import FancyAttention

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(8, 8)
        self.attn = FancyAttention(8, heads=2)

    def forward(self, x):
        return self.attn(self.proj(x))
`, { inputs: [{ shape: [2, 8], dtype: "float32" }] });
    assert.equal(m.complete, false);
    // the projection ran with known shapes; the attention was never built, so its FLOPs cannot be estimated
    assert.equal(m.coverage.flopsShare, 1);
    assert.equal(m.coverage.partsUnknown, 1);
    assert.match(partialStatus(m.coverage, m.unresolved.length), /^partial: at most 99% of FLOPs from known shapes \(estimated\), 1\/1 layers, 1 module attribute unknown, /);
  });

  it("a model of which nothing was computed and parts were never built has no known share, not 'at most 99%'", async () => {
    const m = await onlyModel(`
import torch.nn as nn
from not_installed_anywhere import blocks

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.head = blocks.Head(3, 64)
        self.body = blocks.Body(64)

    def forward(self, x):
        return self.body(self.head(x))
`, { inputs: [{ shape: [1, 3, 8, 8], dtype: "float32" }] });
    assert.equal(m.complete, false);
    assert.equal(m.flops, 0);
    assert.equal(m.coverage.flopsShare, 0);
    assert.match(partialStatus(m.coverage, m.unresolved.length), /^partial: at most 0% of FLOPs from known shapes/);
  });

  it("estimates a convolution reached after a shape without spatial dims from the model's input positions", async () => {
    // The Conv1d's input is unknown after a (batch, 9) value: positions come from the input (2 x 100), so the
    // missing estimate is 2 * (8*3) * 200 and the known share is the Linear's 2*2*16*9 against it.
    const m = await onlyModel(`
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 9)
        self.conv = nn.Conv1d(3, 8, 1)

    def forward(self, x):
        t = self.fc(torch.zeros(x.size(0), 16))
        t = torch.not_a_function_of_torch(t).view(-1, 3, 3)
        return self.conv(torch.bmm(x.transpose(2, 1), t).transpose(2, 1))
`, { inputs: [{ shape: [2, 3, 100], dtype: "float32" }] });
    assert.equal(m.complete, false);
    assert.equal(m.coverage.flopsEstimatedMissing, 2 * (8 * 3) * 200);
    assert.equal(m.coverage.flopsShare, 576 / (576 + 9600));
  });

  it("layers a guessed branch skipped count as unknown: experts gated by the input's values are not 100% known", async () => {
    // Each expert runs only on the rows whose own value is positive (torch.where of a mask of the input's contents,
    // which no router's picks made: routing.ts's even spread does not apply); the guessed branch skips them all, so
    // the share counts the router alone against the experts' estimate.
    const m = await onlyModel(`
import torch
import torch.nn as nn

class MoE(nn.Module):
    def __init__(self):
        super().__init__()
        self.router = nn.Linear(8, 4, bias=False)
        self.experts = nn.ModuleList([nn.Linear(8, 8) for _ in range(4)])

    def forward(self, x):
        picked = self.router(x).sum(-1)
        out = torch.zeros_like(x)
        for i, expert in enumerate(self.experts):
            rows = torch.where(x[:, i] > picked[i])[0]
            if rows.shape[0] == 0:
                continue
            out[rows] = expert(x[rows])
        return out
`, { inputs: [{ shape: [16, 8], dtype: "float32" }] });
    assert.equal(m.complete, false);
    assert.equal(m.flops, 2 * 16 * 8 * 4);
    assert.equal(m.coverage.layersTotal, 5);
    assert.ok(m.coverage.flopsShare < 0.5, String(m.coverage.flopsShare));
  });

  it("reports one gap once, however far its unknown travels", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(4, 4)
        self.b = nn.Linear(4, 4)
        self.c = nn.Linear(4, 4)

    def forward(self, x):
        x = torch.not_a_function_of_torch(x)
        x = self.a(x)
        x = torch.relu(self.b(x))
        return self.c(x)
`, { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.equal(m.complete, false);
    const lines = m.unresolved.filter((n) => n.line >= 14 && n.line <= 16);
    assert.deepEqual(lines, [], `consequences are not new gaps: ${JSON.stringify(m.unresolved)}`);
    assert.ok(m.unresolved.some((n) => n.line === 13), JSON.stringify(m.unresolved));
    assert.equal(m.coverage.layersKnown, 0);
    assert.equal(m.coverage.layersTotal, 3);
    assert.equal(m.coverage.flopsShare, 0);
  });

  it("keeps Python's try/except: an error inside try reaches its handler", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)
        self.other = nn.Linear(4, 6)

    def forward(self, x):
        try:
            y = self.other(x.view(3, 5))
        except RuntimeError:
            y = self.other(x)
        return self.fc(x), y
`, { inputs: [{ shape: [2, 4], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.flops, 2 * 2 * 4 * 4 + 2 * 2 * 4 * 6);
  });

  it("a complete model covers all of its layers and FLOPs", async () => {
    const m = await onlyModel(`
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.Conv2d(8, 8, 3))
        self.unused_head = nn.Linear(8, 10)

    def forward(self, x):
        return self.body(x)
`, { inputs: [{ shape: [1, 3, 16, 16], dtype: "float32" }] });
    assert.equal(m.complete, true);
    assert.deepEqual(m.coverage, { layersKnown: 2, layersTotal: 2, flopsKnown: m.flops, flopsEstimatedMissing: 0, flopsShare: 1 });
  });

  it("an error the forward pass cannot step past still names its file and line", async () => {
    const m = await onlyModel(`
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)

    def forward(self, x):
        for _ in range(10 ** 9):
            x = x + 1
        return self.fc(x)
`, { inputs: [{ shape: [1, 4], dtype: "float32" }], budget: { steps: 20_000 } });
    assert.equal(m.complete, false);
    const stop = m.unresolved.find((n) => /forward stopped/.test(n.reason));
    assert.ok(stop && stop.line > 0 && stop.file.endsWith(".py"), JSON.stringify(m.unresolved));
  });

  it("an unknown met outside model code is still noted where a model meets it", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn
import mystery_tables

TABLE = torch.relu(mystery_tables.load())

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.side = nn.Linear(4, 4)
        self.fc = nn.Linear(4, 4)

    def forward(self, x):
        self.last_side = self.side(TABLE)
        return self.fc(x)
`, { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.equal(m.complete, false, "the side layer ran on the unknown table: its FLOPs are missing, so the model is partial");
    assert.equal(m.coverage.layersKnown, 1);
    assert.equal(m.coverage.layersTotal, 2);
    assert.ok(m.unresolved.some((n) => n.line === 6), JSON.stringify(m.unresolved));
  });
});
