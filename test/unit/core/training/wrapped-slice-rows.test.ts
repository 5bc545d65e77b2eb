import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A step loop that slices X[start:end] from start = (i * B) % N walks N rows and starts over (wrapped-slice-rows.ts).
const SCRIPT = `import numpy as np
import tensorflow as tf

rows = 96
batch_size = 12
gen = np.random.RandomState(7)
feats = gen.rand(rows, 3)
target = feats.sum(axis=1, keepdims=True)
inp = tf.placeholder(tf.float32, shape=(None, 3))
out = tf.placeholder(tf.float32, shape=(None, 1))
w = tf.Variable(tf.zeros([3, 1]))
cost = tf.reduce_mean(tf.square(tf.matmul(inp, w) - out))
opt = tf.train.GradientDescentOptimizer(0.1).minimize(cost)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for it in range(900):
        lo = (it * batch_size) % rows
        hi = min(lo + batch_size, rows)
        sess.run(opt, feed_dict={inp: feats[lo:hi], out: target[lo:hi]})
`;

describe("slices that wrap around the data", () => {
  it("reads the modulus of a wrapped slice start as the samples", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.samples?.value, plan.batch?.value, plan.steps?.value], [96, 12, 900]);
  });

  it("reads the wrap written in the slice itself", async () => {
    const inline = SCRIPT.replace("        lo = (it * batch_size) % rows\n        hi = min(lo + batch_size, rows)\n", "").replace("feats[lo:hi]", "feats[(batch_size * it) % rows:(batch_size * it) % rows + batch_size]").replace("target[lo:hi]", "target[(batch_size * it) % rows:(batch_size * it) % rows + batch_size]");
    assert.ok(!inline.includes("lo:hi"));
    const plan = (await analyze(inline)).training ?? {};
    assert.equal(plan.samples?.value, 96);
  });

  it("takes no samples from a start that does not wrap", async () => {
    const plan = (await analyze(SCRIPT.replace("lo = (it * batch_size) % rows", "lo = it % 8"))).training ?? {};
    assert.equal(plan.samples?.value, undefined);
  });
});
