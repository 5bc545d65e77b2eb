import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// TensorFlow 1.x runs fed whole arrays train on all of their rows each step (fed-whole-arrays.ts).
const script = (loopBody: string) => `import numpy as np
import tensorflow as tf
table = np.random.rand(420, 12)
labels = np.random.rand(420, 3)
head = labels[:100]
inp = tf.placeholder(tf.float32, [None, 12])
out = tf.placeholder(tf.float32, [None, 3])
rate = tf.placeholder(tf.float32)
w = tf.Variable(tf.zeros([12, 3]))
cost = tf.reduce_mean(tf.square(tf.nn.dropout(tf.matmul(inp, w), rate) - out))
fit_op = tf.train.AdamOptimizer(0.01).minimize(cost)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for it in range(60):
${loopBody}
`;

describe("TensorFlow 1.x runs fed whole arrays", () => {
  it("reads the fed arrays' rows as the batch and the samples, a number fed beside them passed over", async () => {
    const plan = (await analyze(script("    sess.run(fit_op, feed_dict={inp: table, out: labels, rate: 0.8})"))).training ?? {};
    assert.deepEqual([plan.steps?.value, plan.batch?.value, plan.samples?.value], [60, 420, 420]);
  });

  it("leaves a batch the loop draws itself to the other rules", async () => {
    const plan = (await analyze(script("    pick = np.random.randint(0, 420, 35)\n    sess.run(fit_op, feed_dict={inp: table[pick], out: labels[pick], rate: 0.8})"))).training ?? {};
    assert.notEqual(plan.batch?.value, 420);
  });

  it("reads no rows where the fed arrays disagree", async () => {
    const plan = (await analyze(script("    sess.run(fit_op, feed_dict={inp: table, out: head, rate: 0.8})"))).training ?? {};
    assert.notEqual(plan.batch?.value, 420);
  });

  it("reads no run where the fed names hold numbers", async () => {
    const plan = (await analyze(script("    sess.run(fit_op, feed_dict={inp: scale, out: scale, rate: 0.8})").replace("head = labels[:100]", "scale = 5."))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value], [undefined, undefined]);
  });
});
