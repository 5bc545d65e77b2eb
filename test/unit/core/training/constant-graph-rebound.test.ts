import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A TensorFlow 1.x tutorial that binds `x` to a placeholder in one section and to constants in the next, then trains
// on the constants with no feed (src/core/training/constant-graph-data.ts): the binding that reaches the loss is the
// last one before it, so each step is one pass over the constants' rows.
const SCRIPT = `import tensorflow as tf

x = tf.placeholder(tf.float32)
y = tf.placeholder(tf.float32)
total = x + y
sess = tf.Session()
print(sess.run(total, feed_dict={x: 3, y: 4.5}))

x = tf.constant([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]])
y_true = tf.constant([[0.0], [-1.0], [-2.0], [-3.0], [-4.0], [-5.0]])
layer = tf.layers.Dense(units=1)
y_pred = layer(x)
loss = tf.losses.mean_squared_error(labels=y_true, predictions=y_pred)
train = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for i in range(250):
    _, value = sess.run((train, loss))
`;

describe("a TF 1.x graph trained on constants after a placeholder of the same name", () => {
  it("reads the constants that reach the loss: one full-batch step a run", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.steps?.value, plan.batch?.value, plan.samples?.value], [250, 6, 6]);
  });
});
