import assert from "node:assert/strict";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { appliedText } from "../../../../src/core/report/applied";
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

describe("a class follows the script's one module-level instance", () => {
  const net = (script: string) => `
import torch
import torch.nn as nn
import torch.nn.utils.prune as prune

class Net(nn.Module):
    def __init__(self, width=256):
        super().__init__()
        self.fc1 = nn.Linear(512, width)
        self.fc2 = nn.Linear(width, 10)
    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))
${script}`;
  const input = { inputs: [{ shape: [1, 512], dtype: "float32" as const }] };

  it("after quantize_dynamic the class's report is of the quantized instance, and says so", async () => {
    const result = await analyze(net(`
model = Net()
model = torch.ao.quantization.quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)
`), input);
    assert.deepEqual(result.models.map((m) => m.name), ["Net"], "one report: the instance is the class's model");
    const m = result.models[0];
    assert.equal(m.instance, "model");
    assert.deepEqual(m.layers.filter((l) => l.precision === "int8").map((l) => l.path), ["fc1", "fc2"]);
    assert.equal(appliedText(m), "as 'model' runs it: int8 weights in 2 Linear layers");
  });

  it("follows casts (.half(), .to(torch.bfloat16), .to(device, dtype)), never a device move", async () => {
    for (const [cast, precision] of [["model.half()", "fp16"], ["model = model.to(torch.bfloat16)", "bf16"], ["model.to('cpu', torch.float16)", "fp16"], ["model.to(dtype=torch.bfloat16)", "bf16"], ["model.to('cpu')", undefined]] as const) {
      const m = modelNamed(await analyze(net(`model = Net()\n${cast}\n`), input), "Net");
      assert.equal(m.weightsPrecision, precision, cast);
      assert.equal(appliedText(m), precision ? `as 'model' runs it: ${precision} weights` : undefined, cast);
    }
  });

  it("a cast to 16 bits under a test it cannot read leaves the weights full precision; a known test still casts", async () => {
    const parsed = `import argparse\np = argparse.ArgumentParser()\np.add_argument("--mode", required=True)\np.add_argument("--half", default=True)\nargs = p.parse_args()\nmodel = Net()\n`;
    const guessed = modelNamed(await analyze(net(`${parsed}if args.mode == "fast":\n    model.half()\n`), input), "Net");
    assert.equal(guessed.weightsPrecision, undefined, "a required argument's value is unknown: the cast may not run");
    assert.equal(guessed.codePrecision, undefined, "the rules' reading of the cast agrees");
    assert.equal(appliedText(guessed), "as 'model' runs it: fp32 weights: the fp16 cast on line 20 is under a test the analysis cannot read");
    const known = modelNamed(await analyze(net(`${parsed}if args.half:\n    model = model.to(torch.bfloat16)\n`), input), "Net");
    assert.equal(known.weightsPrecision, "bf16", "the default is known: the cast runs");
  });

  it("marks pruned layers (same FLOPs), and follows the script's constructor arguments", async () => {
    const m = modelNamed(await analyze(net(`
model = Net(width=64)
prune.l1_unstructured(model.fc1, "weight", amount=0.3)
`), input), "Net");
    assert.equal(m.params, 512 * 64 + 64 + 64 * 10 + 10);
    assert.deepEqual(m.layers.filter((l) => l.pruned).map((l) => l.path), ["fc1"]);
    assert.match(appliedText(m) ?? "", /pruned 1 Linear layer \(same FLOPs with dense kernels\)/);
  });

  it("a class the script builds twice, or never, keeps its own build", async () => {
    const twice = await analyze(net(`a = Net()\nb = Net(width=64).half()\n`), input);
    const cls = modelNamed(twice, "Net");
    assert.equal(cls.instance, undefined);
    assert.equal(cls.weightsPrecision, undefined);
    assert.equal(modelNamed(twice, "b").weightsPrecision, "fp16");
    const never = modelNamed(await analyze(net(""), input), "Net");
    assert.equal(never.instance, undefined);
    assert.equal(appliedText(never), undefined);
  });
});
