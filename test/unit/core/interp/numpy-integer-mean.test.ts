import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A numpy array of integers keeps its rows through `.mean()` and `.std()`: numpy reduces integers to float64 where
// torch's namesakes refuse them (src/core/torch/tensor-methods.ts, src/core/interp/numpy-reductions.ts).
const SCRIPT = (scale: string) => `import numpy as np
import tensorflow as tf

ages = np.random.randint(low=18, high=90, size=300)
costs = 40 * ages + np.random.randint(low=0, high=500, size=300)

def scaled(values):
    return ${scale}

xs = scaled(np.asarray(ages[:240]))
ys = scaled(np.asarray(costs[:240]))
a = tf.placeholder("float")
b = tf.placeholder("float")
w = tf.Variable(0.5)
err = tf.reduce_sum(tf.pow(a * w - b, 2.0))
step = tf.train.GradientDescentOptimizer(0.05).minimize(err)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(25):
        for (u, v) in zip(xs, ys):
            sess.run(step, feed_dict={a: u, b: v})
`;

describe("a numpy integer array's mean and std", function () {
  this.timeout(20_000);
  it("keep the array's rows for the loop that walks it", async () => {
    const plan = (await analyze(SCRIPT("(values - values.mean()) / values.std()"))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [25, 1, 240]);
  });

  it("as numpy's own functions already did", async () => {
    const plan = (await analyze(SCRIPT("(values - np.mean(values)) / np.std(values)"))).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.samples?.value], [1, 240]);
  });
});
