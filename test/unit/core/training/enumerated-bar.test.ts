import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A TF 2 tape loop over `enumerate(bar)`, where `bar` is a tqdm bar around a tf.data pipeline: enumerate yields each
// item of what it counts over, so the loop walks the dataset (src/core/training/enumerated-bar.ts). Written for this test.
const script = (bar: string, loop: string) => `import numpy as np
import tensorflow as tf
from tqdm import tqdm

rows = np.random.rand(1000, 8).astype("float32")
targets = np.random.rand(1000, 1).astype("float32")
dataset = tf.data.Dataset.from_tensor_slices((rows, targets)).batch(40)
model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.SGD()
for epoch in range(3):
    ${bar}
        ${loop}
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean((model(x) - y) ** 2)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
`;

describe("a loop over enumerate(bar) of a progress bar bound to a name (enumerated-bar.ts)", () => {
  it("walks the dataset a `with tqdm(dataset) as bar:` wraps", async () => {
    const plan = (await analyze(script("with tqdm(dataset) as bar:", "for i, (x, y) in enumerate(bar):"))).training ?? {};
    assert.equal(plan.samples?.value, 1000);
    assert.equal(planOptimizerSteps(plan)?.value, 3 * 25);
  });

  it("walks the dataset of `bar = tqdm(dataset)` bound before the loop, with enumerate's start", async () => {
    const plan = (await analyze(script("bar = tqdm(dataset, total=25)\n    for i, (x, y) in enumerate(bar, start=1):", "if True:"))).training ?? {};
    assert.equal(plan.samples?.value, 1000);
    assert.equal(planOptimizerSteps(plan)?.value, 3 * 25);
  });

  it("reads nothing new from enumerate over another name", async () => {
    const plan = (await analyze(script("with tqdm(dataset) as bar:", "for i, (x, y) in enumerate(other):"))).training ?? {};
    assert.equal(plan.samples?.value, undefined);
  });
});
