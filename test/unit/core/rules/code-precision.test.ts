import assert from "node:assert/strict";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { estimateBasis } from "../../../../src/core/energy/figure-text";
import { planKernels } from "../../../../src/core/energy/kernel-plan";
import { hardwareProfile } from "../../../../src/core/energy/hardware";
import { resolveHost } from "../../../../src/core/energy/host";
import { estimatePrecision } from "../../../../src/core/energy/precision";
import { memoryAndGeneration } from "../../../../src/core/memory/memory-and-generation";
import { appliedText } from "../../../../src/core/report/applied";
import type { ModelReport } from "../../../../src/core/report/model-report";
import { analyze, modelNamed } from "../../helpers/analyze";
import { FILE, findingsOf, ofRule } from "./helpers";

// Issue 21: a model the script runs under torch.autocast, casts to 16 bits or quantizes is shown as it runs there:
// the figures' precision, the words naming it, never "fp32" for a model that is not.

const MLP = `import torch
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(1024, 4096)
        self.fc2 = nn.Linear(4096, 1024)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))

`;

const estimate = (m: ModelReport) => estimateModel(m, { hardware: "h100-sxm", dtype: estimatePrecision(m, undefined), mode: "inference" });

describe("the precision the script runs a model at (src/core/rules/code-precision.ts)", () => {
  it("a forward under torch.autocast at module level: bf16 figures, named with its line, fp32 weights in memory", async () => {
    const text = `${MLP}
model = MLP().cuda().eval()
x = torch.randn(64, 1024, device="cuda")
with torch.no_grad(), torch.autocast("cuda", dtype=torch.bfloat16):
    y = model(x)
`;
    const m = modelNamed(await analyze(text, { file: FILE }), "MLP");
    assert.deepEqual(m.codePrecision, { precision: "bf16", autocast: true, line: 18 });
    assert.equal(estimate(m).dtype, "bf16");
    assert.match(estimateBasis(estimate(m)), /^h100-sxm, bf16, batch 64$/);
    assert.equal(appliedText(m), "as 'model' runs it: bf16 autocast (line 18)");
    // autocast keeps the fp32 weights: 8.39 M parameters × 4 bytes.
    const memory = memoryAndGeneration(m, undefined, { hardware: "h100-sxm", dtype: "bf16", mode: "inference" }).memory;
    assert.equal(memory.parts.find((p) => p.name === "weights")?.bytes, m.params * 4);
  });

  it("torch.cuda.amp.autocast() inside main(), on a model built there: fp16 (CUDA's default)", async () => {
    const text = `${MLP}
def main():
    model = MLP().to("cuda")
    model.eval()
    x = torch.randn(8, 1024, device="cuda")
    with torch.no_grad():
        with torch.cuda.amp.autocast():
            out = model(x)
    return out
`;
    const m = modelNamed(await analyze(text, { file: FILE }), "MLP");
    assert.deepEqual(m.codePrecision, { precision: "fp16", autocast: true, line: 21 });
    assert.equal(appliedText(m), "fp16 autocast (line 21)");
  });

  it("a call outside the autocast block as well leaves the model at fp32; so does autocast(enabled=False)", async () => {
    const mixed = `${MLP}
model = MLP().cuda()
x = torch.randn(8, 1024, device="cuda")
with torch.autocast("cuda", dtype=torch.bfloat16):
    y = model(x)
z = model(x)
`;
    assert.equal(modelNamed(await analyze(mixed, { file: FILE }), "MLP").codePrecision, undefined);
    const disabled = `${MLP}
model = MLP().cuda()
x = torch.randn(8, 1024, device="cuda")
with torch.autocast("cuda", dtype=torch.bfloat16, enabled=False):
    y = model(x)
`;
    const m = modelNamed(await analyze(disabled, { file: FILE }), "MLP");
    assert.equal(m.codePrecision, undefined);
    assert.equal(estimate(m).dtype, "fp32");
  });

  it("a .half() in a function the analyzer does not run: fp16 weights, estimated without autocast's casts", async () => {
    const text = `${MLP}
def main():
    model = MLP().cuda().half().eval()
    x = torch.randn(8, 1024, device="cuda").half()
    with torch.no_grad():
        return model(x)
`;
    const m = modelNamed(await analyze(text, { file: FILE }), "MLP");
    assert.deepEqual(m.codePrecision, { precision: "fp16", autocast: false, line: 16 });
    assert.equal(appliedText(m), "fp16 weights (line 16)");
    const profile = hardwareProfile("h100-sxm");
    const kernels = (report: ModelReport) => planKernels(report, profile, { host: resolveHost(profile), precision: "fp16", mode: "inference" }).map((k) => k.op);
    assert.ok(!kernels(m).includes("autocast_cast"), "cast weights are not re-cast on each call");
    assert.ok(kernels({ ...m, codePrecision: undefined }).includes("autocast_cast"), "the same model under autocast is");
    // GL001 no longer says a cast model runs its Linear layers in fp32.
    assert.deepEqual(ofRule(await findingsOf(text), "GL001"), []);
  });

  it("a .half() under a flag the defaults leave off (argparse store_true) is not how the script runs; given True it is", async () => {
    const script = (action: string) => `${MLP}
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--half", dest="half", action="${action}")

def main():
    args = parser.parse_args()
    model = MLP().cuda()
    if args.half:
        model.half()
    x = torch.randn(8, 1024, device="cuda")
    with torch.no_grad():
        return model(x)
`;
    const off = modelNamed(await analyze(script("store_true"), { file: FILE }), "MLP");
    assert.equal(off.codePrecision, undefined);
    assert.equal(estimate(off).dtype, "fp32");
    const on = modelNamed(await analyze(script("store_false"), { file: FILE }), "MLP");
    assert.equal(on.codePrecision?.precision, "fp16", "a store_false flag is True by default: the cast runs");
    // In the else of a test the defaults make True, the cast does not run either.
    const inElse = script("store_true").replace("    if args.half:\n        model.half()", "    if not args.half:\n        pass\n    else:\n        model.half()");
    assert.notEqual(inElse, script("store_true"));
    assert.equal(modelNamed(await analyze(inElse, { file: FILE }), "MLP").codePrecision, undefined);
  });

  it("a module-level .half() in the construction chain is no GL001 finding: the model is not fp32", async () => {
    const text = `${MLP}
model = MLP().cuda().half().eval()
x = torch.randn(64, 1024, device="cuda").half()
with torch.no_grad():
    y = model(x)
`;
    const m = modelNamed(await analyze(text, { file: FILE }), "MLP");
    assert.equal(m.weightsPrecision, "fp16");
    assert.equal(estimate(m).dtype, "fp16");
    assert.deepEqual(ofRule(await findingsOf(text), "GL001"), []);
    const fp32 = await findingsOf(text.replace(".half()", ""));
    assert.equal(ofRule(fp32, "GL001").length, 1, "the same script without the cast has the finding");
  });

  it("a quantized model's estimate names its int8 Linear layers, not a bare fp32", async () => {
    const text = `${MLP}
model = MLP().eval()
model = torch.ao.quantization.quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)
with torch.no_grad():
    y = model(torch.randn(64, 1024))
`;
    const m = modelNamed(await analyze(text, { file: FILE }), "MLP");
    const e = estimate(m);
    assert.equal(e.quantized, "int8 Linear");
    assert.equal(estimateBasis(e), "h100-sxm, fp32 + int8 Linear, batch 64");
  });
  it("autocast whose dtype comes through a dict of a run-time pick: the dtype the training plan evaluates on the hardware", async () => {
    const text = `${MLP}
dtype = "bfloat16" if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else "float16"
ptdtype = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[dtype]
ctx = torch.amp.autocast(device_type="cuda", dtype=ptdtype)
model = MLP().to("cuda")
optimizer = torch.optim.AdamW(model.parameters())
for step in range(100):
    x = torch.randn(16, 1024, device="cuda")
    with ctx:
        loss = model(x).sum()
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
`;
    const result = await analyze(text, { file: FILE, hardware: "h100-sxm" });
    const m = modelNamed(result, "MLP");
    assert.equal(result.training?.precision?.value, "bf16");
    // Before, the rule read by syntax fell back to autocast's CUDA default: "fp16 autocast" beside bf16 figures.
    assert.equal(m.codePrecision?.precision, "bf16");
    assert.equal(m.codePrecision?.autocast, true);
    assert.match(appliedText(m) ?? "", /bf16 autocast \(line 23\)/);
  });
});
