import { strict as assert } from "node:assert";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { resolveTrainingRun } from "../../../../src/core/training/resolve-run";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { onlyModel } from "../../helpers/analyze";

const MLP = `import torch.nn as nn
# greenlight: input=8x256
class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(256, 512), nn.ReLU(), nn.Linear(512, 10))

    def forward(self, x):
        return self.body(x)
`;

describe("a training run from the plan and the settings", () => {
  let stepAt: (batch?: number) => ReturnType<typeof estimateModel>;
  const asked: (number | undefined)[] = [];
  before(async () => {
    const report = await onlyModel(MLP);
    stepAt = (batch) => {
      asked.push(batch);
      return estimateModel(report, { hardware: "a100-sxm", dtype: "bf16", mode: "train", batch });
    };
  });
  beforeEach(() => (asked.length = 0));

  const plan: TrainingPlan = {
    epochs: { value: 3, source: "code", line: 10, detail: "for epoch in range(3)" },
    samples: { value: 1000, source: "dataset table", line: 4, detail: "a dataset" },
    batch: { value: 64, source: "code", line: 6, detail: "DataLoader(batch_size=64)" },
  };

  it("re-estimates the step at the code's batch and multiplies by epochs × ⌈samples / batch⌉", () => {
    const r = resolveTrainingRun(plan, {}, stepAt);
    assert.deepEqual(asked, [undefined, 64]);
    assert.equal(r.step.batch, 64);
    assert.equal(r.run?.steps, 3 * Math.ceil(1000 / 64));
    assert.ok(Math.abs(r.run!.joules - r.run!.steps * r.step.joules_per_iter) < 1e-9 * r.run!.joules);
    assert.match(r.notes.join(" "), /batch 64 \(the model input has batch 8\)/);
  });

  it("the code wins over settings; settings fill what the code leaves out", () => {
    const r = resolveTrainingRun({ epochs: plan.epochs }, { epochs: 99, samples: 500, batch: 50 }, stepAt);
    assert.deepEqual([r.epochs?.value, r.epochs?.source, r.samples?.value, r.samples?.source, r.batch.value, r.batch.source], [3, "code", 500, "settings", 50, "settings"]);
    assert.equal(r.run?.steps, 3 * 10);
  });

  it("an epoch-based run with accumulation counts optimizer steps, and the same micro-batches and energy", () => {
    const accumulation = { value: 4, source: "code" as const, line: 12, detail: "an optimizer step when ... % 4 == 0" };
    const plain = resolveTrainingRun(plan, {}, stepAt);
    const r = resolveTrainingRun({ ...plan, accumulation }, {}, stepAt);
    assert.equal(r.accumulation?.value, 4);
    assert.equal(r.steps, undefined);
    // ⌈16 batches / 4⌉ optimizer steps in each of 3 epochs.
    assert.equal(r.run?.steps, 3 * 4);
    assert.equal(r.run?.microBatches, plain.run?.steps);
    assert.equal(r.run?.joules, plain.run?.joules);
  });

  it("drop_last skips each epoch's partial batch", () => {
    const kept = resolveTrainingRun(plan, {}, stepAt).run!.steps;
    const dropped = resolveTrainingRun({ ...plan, dropLast: true }, {}, stepAt).run!.steps;
    assert.deepEqual([kept - dropped, dropped], [3, 3 * Math.floor(1000 / 64)]);
  });

  it("without a batch anywhere the model input's batch is used, and no second estimate is made", () => {
    const r = resolveTrainingRun({ epochs: plan.epochs, samples: plan.samples }, {}, stepAt);
    assert.deepEqual([r.batch.value, r.batch.source, asked.length], [8, "input", 1]);
  });

  it("names what is missing instead of guessing", () => {
    const r = resolveTrainingRun(undefined, {}, stepAt);
    assert.equal(r.run, undefined);
    assert.equal(r.epochs, undefined);
    assert.match(r.notes.join("\n"), /--epochs N/);
    assert.match(r.notes.join("\n"), /--samples N/);
  });

  it("reports figures the run cannot use instead of throwing", () => {
    const r = resolveTrainingRun({ ...plan, samples: { value: 0.5, source: "code", detail: "half a sample" } }, {}, stepAt);
    assert.equal(r.run, undefined);
    assert.match(r.notes.join("\n"), /no run total: samples must be a positive integer/);
  });

  it("refuses an inference estimate", async () => {
    const report = await onlyModel(MLP);
    assert.throws(() => resolveTrainingRun(plan, {}, (batch) => estimateModel(report, { hardware: "a100-sxm", dtype: "bf16", mode: "inference", batch })), /training-step/);
  });
});
