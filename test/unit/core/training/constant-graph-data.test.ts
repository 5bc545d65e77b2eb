// A TensorFlow 1.x graph built on `tf.constant` arrays, trained by unfed runs of its training operation
// (`for _ in range(40): train_op.run()`): each run computes the loss over every row of the constants, so their rows are
// each step's batch and the samples, one epoch a step (constant-graph-data.ts, read by training-plan.ts).
import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { analyze } from "../../helpers/analyze";

const CONSTANTS = `import numpy as np
import tensorflow as tf

table = np.random.rand(120, 4).astype(np.float32)
features = table[:, :3]
labels = table[:, 3:]
with tf.Session() as sess:
    inputs = tf.constant(features)
    target = tf.constant(labels)
    w = tf.Variable(tf.random_normal([3, 1], 0, 0.1))
    tf.global_variables_initializer().run()
    pred = tf.matmul(inputs, w)
    gap = tf.subtract(pred, target)
    cost = tf.nn.l2_loss(gap)
    train_op = tf.train.GradientDescentOptimizer(0.01).minimize(cost)
    for _ in range(40):
        train_op.run()
`;

const figures = async (text: string) => {
  const plan = (await analyze(text)).training;
  return { epochs: plan?.epochs?.value, batch: plan?.batch?.value, samples: plan?.samples?.value, steps: plan && planOptimizerSteps(plan)?.value };
};

describe("a TensorFlow 1.x graph trained on constants", () => {
  it("trains on all the constants' rows each step, an operation's own run()", async () => {
    assert.deepEqual(await figures(CONSTANTS), { epochs: 40, batch: 120, samples: 120, steps: 40 });
  });

  it("reads sess.run(op) with other fetches the same way", async () => {
    const fetched = CONSTANTS.replace("        train_op.run()", "        _, c = sess.run([train_op, cost])");
    assert.deepEqual(await figures(fetched), { epochs: 40, batch: 120, samples: 120, steps: 40 });
  });

  it("reads no rows where the runs feed the graph, or it holds a placeholder", async () => {
    const fed = CONSTANTS.replace("        train_op.run()", "        sess.run(train_op, feed_dict={})");
    assert.equal((await figures(fed)).samples, undefined);
    const placeholder = CONSTANTS.replace("    inputs = tf.constant(features)", "    inputs = tf.placeholder(tf.float32, [None, 3])");
    assert.equal((await figures(placeholder)).samples, undefined);
  });

  it("reads no rows where the constants disagree", async () => {
    const other = CONSTANTS.replace("    target = tf.constant(labels)", "    target = tf.constant(labels[:60])");
    assert.equal((await figures(other)).samples, undefined);
  });
});
