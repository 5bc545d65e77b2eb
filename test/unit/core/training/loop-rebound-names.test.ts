import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A setting a module-level loop binds as its target is read as bound where the loop starts
// (src/core/training/loop-rebound-names.ts): `for epoch in range(epoch)` counts the setting's passes.
const SCRIPT = `import numpy as np
import tensorflow as tf

feats = tf.cast(np.random.rand(250, 3), tf.float32)
marks = tf.cast(np.random.rand(250, 1), tf.float32)
pairs = tf.data.Dataset.from_tensor_slices((feats, marks)).batch(25)
kernel = tf.Variable(tf.random.normal([3, 1]))
epoch = 120
for epoch in range(epoch):
    for i, (f, m) in enumerate(pairs):
        with tf.GradientTape() as tape:
            err = tf.reduce_mean(tf.square(m - tf.matmul(f, kernel)))
        g = tape.gradient(err, [kernel])
        kernel.assign_sub(0.05 * g[0])
`;

describe("a setting that its own loop rebinds", () => {
  it("counts the passes the setting names, not the loop's last index", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [120, 25, 250]);
  });

  it("leaves a loop over a name bound once and never rebound as it was", async () => {
    const plan = (await analyze(SCRIPT.replace("for epoch in range(epoch):", "for e in range(epoch):"))).training ?? {};
    assert.equal(plan.epochs?.value, 120);
  });
});
