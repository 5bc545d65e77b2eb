import { strict as assert } from "node:assert";
import { memoryAndGeneration } from "../../../../src/core/memory/memory-and-generation";
import { analyze, modelNamed } from "../../helpers/analyze";

// A training step's memory is counted at the batch the training code loads for that model (src/core/memory/
// memory-and-generation.ts): a script written for this test trains two models in turn on loaders of batch 16 and 256.
const SCRIPT = `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

data = TensorDataset(torch.randn(2048, 64), torch.randint(0, 4, (2048,)))
small = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 4))
loader = DataLoader(data, batch_size=16)
opt = torch.optim.SGD(small.parameters(), lr=0.1)
for epoch in range(3):
    for x, y in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(small(x), y).backward()
        opt.step()

large = nn.Sequential(nn.Linear(64, 512), nn.ReLU(), nn.Linear(512, 4))
loader = DataLoader(data, batch_size=256)
opt = torch.optim.SGD(large.parameters(), lr=0.1)
for epoch in range(3):
    for x, y in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(large(x), y).backward()
        opt.step()
`;

describe("a training step's memory at the run's batch", () => {
  it("counts each model's activations at the batch its own loop loads; inference keeps the model input's", async () => {
    const result = await analyze(SCRIPT);
    const settings = { hardware: "h100-sxm", dtype: "fp32", mode: "train" } as const;
    const small = memoryAndGeneration(modelNamed(result, "small"), result, settings);
    const large = memoryAndGeneration(modelNamed(result, "large"), result, settings);
    assert.deepEqual([small.batch, large.batch], [16, 256]);
    const activations = (m: typeof small) => m.memory.parts.find((p) => p.name === "activations")?.bytes ?? 0;
    const inference = memoryAndGeneration(modelNamed(result, "large"), result, { ...settings, mode: "inference" });
    assert.equal(inference.batch, modelNamed(result, "large").inputs[0]?.shape[0] ?? 1);
    // The same model at batch 256 keeps 256 / 16 times the activations it keeps at 16.
    const largeAt16 = memoryAndGeneration(modelNamed(result, "large"), { ...result, modelTraining: undefined, training: { ...result.training, batch: { value: 16, source: "code", detail: "test" } } }, settings);
    assert.ok(Math.abs(activations(large) / activations(largeAt16) - 16) < 0.01, `${activations(large)} vs ${activations(largeAt16)}`);
  });
});
