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
    assert.match(plan.cudaQueries ?? "", /torch\.cuda\.device_count\(\).*device_count: 1/);
    const model = result.models.find((m) => m.name === "Net")!;
    const run = resolveTrainingRun(plan, {}, (batch) => estimateModel(model, { hardware: "h100-sxm", dtype: "fp32", mode: "train", batch: batch ?? 1 }));
    assert.ok(run.notes.some((n) => n.includes("the one CUDA GPU the run targets")), run.notes.join("; "));
  });

  it("`torch.cuda.is_available()` is True: a script that turns AMP off without CUDA keeps it on; one that never asks has no such note", async () => {
    const plan = (await analyze(script(["use_amp = torch.cuda.is_available()", "dtype = torch.float16"].join("\n")))).training ?? {};
    assert.equal(plan.precision?.value, "fp16");
    const silent = (await analyze(script(["use_amp = True", "dtype = torch.float16"].join("\n")))).training ?? {};
    assert.equal(silent.cudaQueries, undefined);
  });
});
