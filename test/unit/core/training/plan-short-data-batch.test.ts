import { strict as assert } from "node:assert";
import { trainingPlanJson, trainingPlanLine } from "../../../../src/cli/estimate-options";
import { analyze } from "../../helpers/analyze";

// A plan with no model to estimate holds a batch larger than its samples to them, as a run does
// (src/core/training/short-data-batch.ts, planBatchWithinSamples): Keras' fit makes one batch of every row.
const SCRIPT = (rows: number) => `import numpy as np
import tensorflow as tf
from some_missing_models import build_net

x_seq = np.zeros((${rows}, 3, 4))
y_seq = np.zeros((${rows},))
net = build_net()
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
net.fit(x_seq, y_seq, batch_size=64, epochs=40)
`;

describe("a plan's batch larger than its samples", function () {
  this.timeout(20_000);
  it("is one batch of all the samples, with a note", async () => {
    const plan = (await analyze(SCRIPT(7))).training ?? {};
    const json = trainingPlanJson(plan) as { batch: number; samples: number; optimizer_steps: number; notes: string[] };
    assert.deepEqual([json.batch, json.samples, json.optimizer_steps], [7, 7, 40]);
    assert.ok(json.notes.some((n) => /larger than the 7 samples/.test(n)));
    assert.match(trainingPlanLine(plan), /, batch 7,/);
  });

  it("keeps the stated batch over more samples than it", async () => {
    const json = trainingPlanJson((await analyze(SCRIPT(700))).training ?? {}) as { batch: number };
    assert.equal(json.batch, 64);
  });
});
