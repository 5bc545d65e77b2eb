import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Lightning's MPSAccelerator / CUDAAccelerator.is_available() answered from the target (twentieth round, lightning/accelerators.ts).
const script = (question: string) => `import torch
import lightning as L
from lightning.fabric.accelerators import MPSAccelerator, CUDAAccelerator

def default_precision(training):
    if ${question}:
        return "16-mixed" if training else "16-true"
    return "bf16-mixed" if training else "bf16-true"

model = torch.nn.Linear(8, 1)
fabric = L.Fabric(devices=1, precision=default_precision(training=True))
model, opt = fabric.setup(model, torch.optim.AdamW(model.parameters()))
for step in range(100):
    x = torch.randn(16, 8)
    loss = model(x).sum()
    fabric.backward(loss)
    opt.step()
    opt.zero_grad()
`;

describe("Lightning's accelerators on the target (src/core/lightning/accelerators.ts)", () => {
  it("MPSAccelerator.is_available() is False on the NVIDIA target: the bf16 branch is the run's (before: fp16)", async () => {
    const plan = (await analyze(script("MPSAccelerator.is_available() or (torch.cuda.is_available() and not torch.cuda.is_bf16_supported())"))).training ?? {};
    assert.equal(plan.precision?.value, "bf16");
  });

  it("CUDAAccelerator.is_available() is True there", async () => {
    const plan = (await analyze(script("CUDAAccelerator.is_available()"))).training ?? {};
    assert.equal(plan.precision?.value, "fp16");
  });
});
