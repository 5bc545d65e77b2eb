import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Keras' train_on_batch is one update on all of its `x` (keras/train-on-batch.ts).
const script = (setup: string, call: string) => `import numpy as np
from tensorflow import keras
${setup}
net = keras.Sequential([keras.layers.Dense(8, input_dim=3), keras.layers.Dense(1)])
net.compile(optimizer="adam", loss="mse")
for it in range(75):
    ${call}
`;

describe("Keras train_on_batch on a whole array", () => {
  it("trains on all of the array each pass: its rows are the batch and the samples", async () => {
    const plan = (await analyze(script("feats = np.random.rand(240, 3)\ntargets = np.random.rand(240, 1)\nhead = feats[:90]\nhead_y = targets[:90]", "net.train_on_batch(head, head_y)"))).training ?? {};
    assert.deepEqual([plan.steps?.value, plan.batch?.value, plan.samples?.value, plan.epochs?.value], [75, 90, 90, 75]);
  });

  it("reads the array given as x=", async () => {
    const plan = (await analyze(script("feats = np.random.rand(240, 3)\ntargets = np.random.rand(240, 1)", "loss = net.train_on_batch(x=feats, y=targets)"))).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.samples?.value], [240, 240]);
  });

  it("leaves a batch the loop draws afresh each pass to the other rules", async () => {
    const plan = (await analyze(script("feats = np.random.rand(240, 3)\ntargets = np.random.rand(240, 1)", "pick = np.random.randint(0, 240, 16)\n    net.train_on_batch(feats[pick], targets[pick])"))).training ?? {};
    assert.notEqual(plan.batch?.value, 240);
    assert.notEqual(plan.samples?.value, 16);
  });
});
