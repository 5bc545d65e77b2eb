import assert from "node:assert/strict";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { analyze, modelNamed } from "../../helpers/analyze";

describe("quantized and pruned models", () => {
  it("costs a quantize_dynamic model's Linear layers as int8, leaving the original fp32", async () => {
    const result = await analyze(`
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4096, 4096)
        self.fc2 = nn.Linear(4096, 10)
    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))

model = Net().eval()
qmodel = torch.ao.quantization.quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)
`, { inputs: [{ shape: [64, 4096], dtype: "float32" }] });
    const fp32 = modelNamed(result, "Net");
    const int8 = modelNamed(result, "qmodel");
    assert.equal(int8.params, fp32.params);
    assert.equal(int8.flops, fp32.flops);
    assert.deepEqual(int8.layers.filter((l) => l.precision === "int8").map((l) => l.path), ["fc1", "fc2"]);
    assert.ok(!fp32.layers.some((l) => l.precision), "the original model is not changed");
    assert.ok(int8.ops.filter((op) => op.flops > 0).every((op) => op.quantized));
    const options = { hardware: "h100-sxm", dtype: "fp32" as const, mode: "inference" as const };
    const before = estimateModel(fp32, options).joules_per_iter;
    const after = estimateModel(int8, options).joules_per_iter;
    assert.ok(after < before, `int8 ${after} J should cost less than fp32 ${before} J`);
  });

  it("marks Linear layers in place for torchao's quantize_, and treats pruning as shape-preserving", async () => {
    const result = await analyze(`
import torch.nn as nn
import torch.nn.utils.prune as prune
from torchao.quantization import quantize_, Int8WeightOnlyConfig

model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.Flatten(), nn.Linear(8 * 30 * 30, 10))
prune.global_unstructured([(model[0], "weight")], pruning_method=prune.L1Unstructured, amount=0.3)
prune.remove(model[0], "weight")
quantize_(model, Int8WeightOnlyConfig())
`, { inputs: [{ shape: [1, 3, 32, 32], dtype: "float32" }] });
    const m = modelNamed(result, "model");
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.deepEqual(m.layers.filter((l) => l.precision === "int8").map((l) => l.type), ["Linear"]);
    assert.equal(m.params, 3 * 8 * 9 + 8 + 8 * 900 * 10 + 10);
  });
});
