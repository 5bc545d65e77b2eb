import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A step loop over arrays zipped row by row takes one row a step (src/core/training/zipped-rows.ts).
const SCRIPT = `import numpy as np
import tensorflow as tf

grid = np.linspace(-2, 2, 64)
target = np.cos(grid) + np.random.uniform(-0.1, 0.1, 64)
inp = tf.placeholder(tf.float32)
out = tf.placeholder(tf.float32)
w = tf.Variable(tf.random_normal([1]))
cost = tf.reduce_sum(tf.pow(inp * w - out, 2))
train_op = tf.train.GradientDescentOptimizer(0.01).minimize(cost)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch_i in range(40):
        for (a, b) in zip(grid, target):
            sess.run(train_op, feed_dict={inp: a, out: b})
`;

describe("a step loop over arrays zipped row by row", () => {
  it("takes one row a step: batch 1, the arrays' rows the samples", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.steps?.value, plan.batch?.value, plan.samples?.value], [40, 40 * 64, 1, 64]);
  });

  it("stops at the shorter array, as zip does", async () => {
    const plan = (await analyze(SCRIPT.replace("zip(grid, target)", "zip(grid[:50], target)"))).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.samples?.value], [1, 50]);
  });

  it("reads no rows from arrays of rank 3, which are as often batches cut ahead", async () => {
    const text = SCRIPT.replace("grid = np.linspace(-2, 2, 64)", "grid = np.zeros((8, 16, 3))").replace("np.random.uniform(-0.1, 0.1, 64)", "np.zeros((8, 16, 3))");
    const plan = (await analyze(text)).training ?? {};
    assert.notEqual(plan.batch?.value, 1);
    assert.equal(plan.samples, undefined);
  });
});
