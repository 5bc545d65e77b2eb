import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A TF 1.x graph built in a plain class (`self.train_op = ...minimize(self.loss)` in __init__) and run through the
// class's own `train(sess)` method in a loop: each call runs the training op once (training-plan.ts plainObjectTrain:
// a plain object's `train(...)` is its own method, whatever its arguments; an nn.Module's `train(flag)` is its mode).
const SCRIPT = `import numpy as np
import tensorflow as tf

data = np.random.normal(0, 1, (300, 2))
label = (data[:, :1] > 0).astype(np.int32)

class Network(object):
    def __init__(self):
        self.x = tf.placeholder(tf.float32, [None, 2])
        self.y = tf.placeholder(tf.int32, [None, 1])
        logits = tf.layers.dense(tf.layers.dense(self.x, 8, activation=tf.nn.relu), 2)
        self.loss = tf.losses.sparse_softmax_cross_entropy(self.y, logits)
        self.train_op = tf.train.GradientDescentOptimizer(0.05).minimize(self.loss)

    def train(self, sess):
        loss, _ = sess.run([self.loss, self.train_op], feed_dict={self.x: data, self.y: label})
        return loss

net = Network()
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(250):
        net.train(sess)
`;

describe("a TF 1.x graph class trained through its own train(sess) method", () => {
  it("takes one step a call of the method", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    // Before: no plan (`net.train(sess)` was read as a mode switch).
    assert.equal(planOptimizerSteps(plan)?.value, 250);
  });

  it("takes none from a method of that name that runs no training op", async () => {
    const evalOnly = SCRIPT.replace("loss, _ = sess.run([self.loss, self.train_op]", "loss = sess.run([self.loss]");
    assert.equal(planOptimizerSteps((await analyze(evalOnly)).training ?? {})?.value, undefined);
  });
});
