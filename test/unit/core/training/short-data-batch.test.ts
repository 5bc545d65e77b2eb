import { strict as assert } from "node:assert";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { resolveTrainingRun } from "../../../../src/core/training/resolve-run";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { analyze, onlyModel } from "../../helpers/analyze";

// A batch_size above the data's size batches all of it (short-data-batch.ts, read by resolve-run.ts): a DataLoader of
// three pairs at batch_size=512 trains on batches of 3, one step an epoch.
const SCRIPT = (loader: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader

pairs = [(torch.tensor([0.0, 1.0]), torch.tensor([1.0])), (torch.tensor([1.0, 1.0]), torch.tensor([0.0])), (torch.tensor([1.0, 0.0]), torch.tensor([1.0]))]
loader = ${loader}
net = nn.Linear(2, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(40):
    for x, y in loader:
        opt.zero_grad()
        nn.functional.mse_loss(net(x), y).backward()
        opt.step()
`;

const MLP = `import torch.nn as nn
# greenlight: input=8x2
class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(2, 1)

    def forward(self, x):
        return self.body(x)
`;

describe("a batch larger than the data it batches (short-data-batch.ts)", function () {
  this.timeout(20_000);
  let stepAt: (batch?: number) => ReturnType<typeof estimateModel>;
  before(async () => {
    const report = await onlyModel(MLP);
    stepAt = (batch) => estimateModel(report, { hardware: "a100-sxm", dtype: "fp32", mode: "train", batch });
  });
  const runOf = async (loader: string) => resolveTrainingRun((await analyze(SCRIPT(loader))).training, {}, stepAt);

  it("holds all of the samples, one step an epoch, and says why", async () => {
    const run = await runOf("DataLoader(pairs, batch_size=512)");
    assert.equal(run.samples?.value, 3);
    assert.equal(run.batch.value, 3);
    assert.equal(run.step.batch, 3);
    assert.equal(run.run?.steps, 40);
    assert.ok(run.notes.some((n) => /larger than the 3 samples it batches/.test(n)), run.notes.join("; "));
  });

  it("keeps a batch the data fills", async () => {
    const run = await runOf("DataLoader(pairs, batch_size=2)");
    assert.equal(run.batch.value, 2);
    assert.equal(run.run?.steps, 80);
  });

  it("keeps the stated batch where drop_last=True leaves no step, and for a run counted in steps", () => {
    const base: TrainingPlan = {
      epochs: { value: 2, source: "code", line: 9, detail: "for epoch in range(2)" },
      samples: { value: 5, source: "code", line: 3, detail: "len(rows)" },
      batch: { value: 64, source: "code", line: 4, detail: "DataLoader(batch_size=64)" },
    };
    assert.equal(resolveTrainingRun({ ...base, dropLast: true }, {}, stepAt).batch.value, 64);
    assert.equal(resolveTrainingRun({ ...base, steps: { value: 10, source: "code", line: 9, detail: "max_steps=10" } }, {}, stepAt).batch.value, 64);
    assert.equal(resolveTrainingRun(base, {}, stepAt).batch.value, 5);
  });
});
