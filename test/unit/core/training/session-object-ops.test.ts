import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// TensorFlow 1.x graph code that keeps its training operation on an object of another file (`self.opt_op =
// self.optimizer.minimize(self.cost)` in an optimizer wrapper class) and its settings in `tf.app.flags`, absl's flags
// re-exported: a full-graph model trained one session run per epoch (a script written for this test).
const OPTIMIZER = `import tensorflow as tf


class Trainer(object):
    def __init__(self, preds, labels):
        self.cost = tf.reduce_mean(tf.square(preds - labels))
        self.optimizer = tf.train.AdamOptimizer(learning_rate=0.01)
        self.opt_op = self.optimizer.minimize(self.cost)
        self.accuracy = tf.reduce_mean(preds)
`;

const script = (fetch: string) => `import tensorflow as tf
from optimizer import Trainer

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_integer('epochs', 200, 'Number of epochs to train.')
flags.DEFINE_float('learning_rate', 0.01, 'Initial learning rate.')

features = tf.placeholder(tf.float32)
labels = tf.placeholder(tf.float32)
preds = tf.layers.dense(features, 16)
opt = Trainer(preds=preds, labels=labels)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for epoch in range(FLAGS.epochs):
    outs = sess.run([${fetch}, opt.cost], feed_dict={})
`;

describe("TensorFlow 1.x training operations held by an object", () => {
  it("reads the epoch loop over FLAGS.epochs and one step per epoch from the class's minimize op", async () => {
    const plan = (await analyze(script("opt.opt_op"), { others: { "/project/optimizer.py": OPTIMIZER } })).training ?? {};
    assert.equal(plan.epochs?.value, 200);
    assert.equal(plan.epochs?.detail, "for epoch in range(FLAGS.epochs)");
    assert.equal(planOptimizerSteps(plan)?.value, 200);
  });

  it("takes no step from a session run that fetches only what the class evaluates", async () => {
    const plan = (await analyze(script("opt.accuracy"), { others: { "/project/optimizer.py": OPTIMIZER } })).training ?? {};
    assert.equal(plan.steps, undefined);
  });
});
