import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// `accelerator.autocast()` casts as the Accelerator's mixed_precision says, not as torch's autocast
// (src/core/training/accelerator-autocast.ts).
const script = (build: string, context: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from accelerate import Accelerator

model = nn.Linear(32, 4)
optimizer = torch.optim.AdamW(model.parameters())
loader = DataLoader(TensorDataset(torch.randn(640, 32), torch.randint(0, 4, (640,))), batch_size=64, shuffle=True)
accelerator = ${build}
model, optimizer, loader = accelerator.prepare(model, optimizer, loader)
for epoch in range(2):
    for x, y in loader:
        optimizer.zero_grad()
        with ${context}:
            loss = nn.functional.cross_entropy(model(x), y)
        accelerator.backward(loss)
        optimizer.step()
`;

describe("accelerator.autocast() (src/core/training/accelerator-autocast.ts)", () => {
  it("is not fp16 where the Accelerator has no mixed precision", async () => {
    const result = await analyze(script("Accelerator()", "accelerator.autocast()"));
    assert.notEqual(result.training?.precision?.value, "fp16");
    assert.equal(result.training?.batch?.value, 64);
    // The model's own precision (rules/run-target.ts) agrees: no autocast runs.
    assert.equal(result.models[0]?.codePrecision, undefined);
  });

  it("takes the Accelerator's mixed_precision, and torch's autocast stays fp16", async () => {
    const result = await analyze(script(`Accelerator(mixed_precision="bf16")`, "accelerator.autocast()"));
    assert.equal(result.training?.precision?.value, "bf16");
    assert.equal(result.models[0]?.codePrecision?.precision, "bf16");
    const torchs = (await analyze(script("Accelerator()", `torch.autocast("cuda")`))).training ?? {};
    assert.equal(torchs.precision?.value, "fp16");
  });
});
