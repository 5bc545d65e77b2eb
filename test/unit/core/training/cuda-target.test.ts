import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { resolveTrainingRun } from "../../../../src/core/training/resolve-run";
import { estimateModel } from "../../../../src/core/energy";

// The run is estimated on one CUDA GPU: the script's own questions about CUDA get that GPU's answers, and the run says so.
const script = (check: string) => `import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(64, 10)
    def forward(self, x):
        return self.fc(x)
model = Net()
${check}
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    with torch.autocast("cuda", dtype=dtype, enabled=use_amp):
        loss = model(torch.randn(32, 64)).sum()
    loss.backward()
    opt.step()
`;

describe("the CUDA GPU the training run targets", () => {
  it("`if not torch.cuda.device_count(): use_amp = False` keeps the GPU branch, and the run notes what was read", async () => {
    const result = await analyze(script(["gpus = torch.cuda.device_count()", "use_amp = True", "dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16", "if not gpus:", "    use_amp = False"].join("\n")));
    const plan = result.training ?? {};
    assert.equal(plan.precision?.value, "bf16");
    assert.match(plan.cudaQueries ?? "", /torch\.cuda\.device_count\(\): 1 \(line 10\)/);
    const model = result.models.find((m) => m.name === "Net")!;
    const run = resolveTrainingRun(plan, {}, (batch) => estimateModel(model, { hardware: "h100-sxm", dtype: "fp32", mode: "train", batch: batch ?? 1 }));
    assert.ok(run.notes.some((n) => n.includes("the one NVIDIA H100 80GB HBM3 the run targets")), run.notes.join("; "));
  });

  it("`torch.cuda.is_available()` is True: a script that turns AMP off without CUDA keeps it on; one that never asks has no such note", async () => {
    const plan = (await analyze(script(["use_amp = torch.cuda.is_available()", "dtype = torch.float16"].join("\n")))).training ?? {};
    assert.equal(plan.precision?.value, "fp16");
    const silent = (await analyze(script(["use_amp = True", "dtype = torch.float16"].join("\n")))).training ?? {};
    assert.equal(silent.cudaQueries, undefined);
  });

  it("answers for the target's GPU: capability, name, memory and bf16 follow --hardware", async () => {
    const check = [
      "major, minor = torch.cuda.get_device_capability()",
      "use_amp = torch.cuda.get_device_properties(0).total_memory > 20 * 2**30",
      "dtype = torch.bfloat16 if major >= 8 else torch.float16",
    ].join("\n");
    assert.equal((await analyze(script(check))).training?.precision?.value, "bf16");
    assert.equal((await analyze(script(check), { hardware: "a100-sxm" })).training?.precision?.value, "bf16");
    assert.equal((await analyze(script(check), { hardware: "v100" })).training?.precision?.value, "fp16");
    // A T4 has 16 GiB: the script turns autocast off, so the loop runs in fp32.
    assert.equal((await analyze(script(check), { hardware: "t4" })).training?.precision?.value, "fp32");
    const named = await analyze(script(["use_amp = 'T4' not in torch.cuda.get_device_name()", "dtype = torch.float16"].join("\n")), { hardware: "t4" });
    assert.equal(named.training?.precision?.value, "fp32");
    assert.match(named.training?.cudaQueries ?? "", /get_device_name\(\): 'Tesla T4'/);
  });

  it("`True if get_device_capability()[0] == 8 else False` is False on an H100 and True on an A100", async () => {
    const check = ["bf16 = True if torch.cuda.get_device_capability()[0] == 8 else False", "use_amp = bf16", "dtype = torch.bfloat16"].join("\n");
    assert.equal((await analyze(script(check))).training?.precision?.value, "fp32");
    assert.equal((await analyze(script(check), { hardware: "a100-pcie" })).training?.precision?.value, "bf16");
  });

  it("is_bf16_supported(): native from capability 8.0; below it True by emulation unless including_emulation=False", async () => {
    const with_ = (call: string) => script(["use_amp = True", `dtype = torch.bfloat16 if ${call} else torch.float16`].join("\n"));
    assert.equal((await analyze(with_("torch.cuda.is_bf16_supported()"), { hardware: "l4" })).training?.precision?.value, "bf16");
    assert.equal((await analyze(with_("torch.cuda.is_bf16_supported(including_emulation=False)"), { hardware: "v100" })).training?.precision?.value, "fp16");
    const emulated = await analyze(with_("torch.cuda.is_bf16_supported()"), { hardware: "t4" });
    assert.equal(emulated.training?.precision?.value, "bf16");
    assert.match(emulated.training?.cudaQueries ?? "", /True by emulation/);
  });

  it("a target without CUDA (a CPU) answers is_available() False and device_count() 0", async () => {
    const plan = (await analyze(script(["use_amp = torch.cuda.is_available() and torch.cuda.device_count() > 0", "dtype = torch.float16"].join("\n")), { hardware: "cpu-x86-server" })).training ?? {};
    assert.equal(plan.precision?.value, "fp32");
    assert.match(plan.cudaQueries ?? "", /a target without a CUDA GPU.*is_available\(\): False/);
  });

  it("the note comes from the calls the code made: `from torch import cuda` counts, a comment or a string does not", async () => {
    const aliased = (await analyze(script(["from torch import cuda", "use_amp = cuda.is_available()", "dtype = torch.float16"].join("\n")))).training ?? {};
    assert.match(aliased.cudaQueries ?? "", /torch\.cuda\.is_available\(\): True/);
    const mentioned = (await analyze(script(["# torch.cuda.is_available() is not asked here", "text = 'torch.cuda.device_count()'", "use_amp = True", "dtype = torch.float16"].join("\n")))).training ?? {};
    assert.equal(mentioned.cudaQueries, undefined);
  });
});
