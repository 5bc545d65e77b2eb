import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A hand-written optimizer that moves variables by running moments of a tape's gradients takes one step a pass
// (src/core/training/tape-updates.ts, carriedGradients).
const SCRIPT = `import numpy as np
import tensorflow as tf

inputs = tf.cast(np.random.rand(200, 5), tf.float32)
labels = tf.cast(np.random.rand(200, 2), tf.float32)
feed = tf.data.Dataset.from_tensor_slices((inputs, labels)).batch(40)
weight = tf.Variable(tf.random.normal([5, 2]))
sq_avg = 0
num_epochs = 30
for ep in range(num_epochs):
    for xb, yb in feed:
        with tf.GradientTape() as tape:
            cost = tf.reduce_mean(tf.square(yb - tf.matmul(xb, weight)))
        dw = tape.gradient(cost, weight)
        sq_avg = 0.9 * sq_avg + 0.1 * tf.square(dw)
        scaled = dw / tf.sqrt(sq_avg + 1e-7)
        weight.assign_sub(0.01 * scaled)
`;

describe("a hand-written optimizer over moments of the gradients", () => {
  it("steps once a batch: the loop over the data is the step loop", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [30, 40, 200]);
  });

  it("takes no step from an update that no gradient reaches", async () => {
    const plan = (await analyze(SCRIPT.replace("sq_avg = 0.9 * sq_avg + 0.1 * tf.square(dw)", "sq_avg = 1.0").replace("scaled = dw / tf.sqrt(sq_avg + 1e-7)", "scaled = tf.ones([5, 2])"))).training ?? {};
    assert.equal(plan.samples, undefined);
  });
});
