import { strict as assert } from "node:assert";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { resolveTrainingRun } from "../../../../src/core/training/resolve-run";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { trainingRunJson, trainingRunLine } from "../../../../src/cli/estimate-options";
import { analyze, onlyModel } from "../../helpers/analyze";

// A full-batch loop over data whose size the code does not show (full-batch-epochs.ts): the batch is all of that data,
// unknown, not the model input's first dimension, and the run asks for --batch N (resolve-run.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (data: string) => `import numpy as np
import torch
from torch import nn

${data}
model = nn.Linear(4, 1)
opt = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(800):
    out = model(inputs)
    opt.zero_grad()
    loss = nn.functional.mse_loss(out, targets)
    loss.backward()
    opt.step()
`;

// Rows appended by a loop over a file's lines: the interpreter does not know how many.
const FROM_FILE = `rows = []
for line in open("readings.txt"):
    rows.append([float(v) for v in line.split(",")])
table = np.array(rows, dtype=np.float32)
inputs = torch.tensor(table[:, :4])
targets = torch.tensor(table[:, 4:])`;

const KNOWN = `inputs = torch.randn(250, 4)
targets = torch.randn(250, 1)`;

const MLP = `import torch.nn as nn
# greenlight: input=8x4
class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(4, 1)

    def forward(self, x):
        return self.body(x)
`;

describe("a full-batch loop over data of unknown size (full-batch-epochs.ts, resolve-run.ts)", function () {
  this.timeout(20_000);
  it("leaves the batch unknown, says why, and keeps the steps", async () => {
    const plan = await planOf(SCRIPT(FROM_FILE));
    assert.equal(plan.batch, undefined);
    assert.equal(plan.batchFromData?.line, 13);
    assert.match(plan.batchFromData!.detail, /model\(inputs\) trains on all of inputs each pass/);
    assert.equal(plan.steps?.value ?? plan.epochs?.value, 800);
  });

  it("data of known rows is still the batch", async () => {
    const plan = await planOf(SCRIPT(KNOWN));
    assert.equal(plan.batch?.value, 250);
    assert.equal(plan.batchFromData, undefined);
  });

  it("the run gives no batch and no total until --batch N gives one", async () => {
    const report = await onlyModel(MLP);
    const stepAt = (batch?: number) => estimateModel(report, { hardware: "a100-sxm", dtype: "fp32", mode: "train", batch });
    const plan: TrainingPlan = { steps: { value: 800, source: "code", line: 9, detail: "for epoch in range(800)" }, batchFromData: { line: 9, detail: "model(x) trains on all of x each pass" } };
    const unknown = resolveTrainingRun(plan, {}, stepAt);
    assert.equal(unknown.batchUnknown, true);
    assert.equal(unknown.run, undefined);
    const json = trainingRunJson(unknown);
    assert.equal(json.batch, null);
    assert.equal(json.optimizer_steps, 800);
    assert.match(trainingRunLine(unknown), /^no training run: .*batch: missing/);
    // With no run to state it, the line still says the count the code gave.
    assert.match(trainingRunLine(unknown), /\(steps 800: code line 9, batch: missing\)$/);
    const given = resolveTrainingRun(plan, { batch: 93 }, stepAt);
    assert.doesNotMatch(trainingRunLine(given), /steps 800:/, "a run states its steps itself");
    assert.equal(given.batchUnknown, undefined);
    assert.equal(given.run?.steps, 800);
    assert.equal(trainingRunJson(given).batch, 93);
  });
});
