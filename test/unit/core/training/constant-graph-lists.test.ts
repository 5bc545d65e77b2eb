import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A TensorFlow 1.x loss over a Python list or numpy array holds its rows as a constant, as tf.constant(A) does
// (src/core/training/constant-graph-data.ts): each unfed run is one pass over them.
const SCRIPT = (data: string) => `import numpy as np
import tensorflow as tf

pairs = []
for i in range(400):
    u = np.random.uniform(-1.0, 1.0)
    pairs.append([u, 2.0 * u - 0.3])
${data}
slope = tf.Variable(tf.zeros([1]))
bias = tf.Variable(tf.zeros([1]))
guess = slope * us + bias
mse = tf.reduce_mean(tf.square(guess - vs))
fit = tf.train.GradientDescentOptimizer(0.4).minimize(mse)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for k in range(15):
    sess.run(fit)
`;

describe("a graph's loss over Python lists", function () {
  this.timeout(20_000);
  it("trains on all of their rows each run", async () => {
    const plan = (await analyze(SCRIPT("us = [p[0] for p in pairs]\nvs = [p[1] for p in pairs]"))).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.samples?.value], [400, 400]);
  });

  it("and over a numpy array beside a list", async () => {
    const plan = (await analyze(SCRIPT("us = np.linspace(-1.0, 1.0, 400)\nvs = [p[1] for p in pairs]"))).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.samples?.value], [400, 400]);
  });

  it("reads no rows where the loss also reads a placeholder the runs must feed", async () => {
    const text = SCRIPT("us = [p[0] for p in pairs]\nvs = tf.placeholder(tf.float32)");
    const plan = (await analyze(text)).training ?? {};
    assert.notEqual(plan.samples?.value, 400);
  });
});
