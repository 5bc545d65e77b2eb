import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A counted loop around a step loop over arrays zipped row by row, bound outside it, makes one pass over those
// arrays a turn: an epoch, whatever its variable is named (src/core/training/data-pass-epochs.ts).
const SCRIPT = (outer: string, rebind = "") => `import numpy as np
import tensorflow as tf

grid = np.linspace(0.0, 1.0, 90)
wave = np.sin(grid)
p = tf.placeholder(tf.float32)
q = tf.placeholder(tf.float32)
k = tf.Variable(1.0)
gap = tf.square(p * k - q)
fit_op = tf.train.GradientDescentOptimizer(0.01).minimize(gap)
rounds = 35
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    ${outer}
${rebind}        for (g, h) in zip(grid, wave):
            sess.run(fit_op, feed_dict={p: g, q: h})
`;

describe("a counted loop around a pass over zipped arrays", function () {
  this.timeout(20_000);
  it("is an epoch loop: its count the epochs, the rows the samples", async () => {
    const plan = (await analyze(SCRIPT("for it in range(rounds):"))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [35, 1, 90]);
  });

  it("is not one when it draws the arrays afresh each turn", async () => {
    const plan = (await analyze(SCRIPT("for it in range(rounds):", "        grid = np.random.rand(90)\n"))).training ?? {};
    assert.notEqual(plan.epochs?.value, 35);
  });
});
