import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A resumable TF 1.x loop: the epoch loop starts where a global-step variable stands, read from the session.
const RESUMABLE = `import numpy as np
import tensorflow as tf

rows = np.random.rand(640, 8).astype(np.float32)
inputs = tf.placeholder(tf.float32, [None, 8])
weights = tf.Variable(tf.zeros([8, 1]))
loss = tf.reduce_mean(tf.square(tf.matmul(inputs, weights)))
update = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
counter = tf.Variable(0, trainable=False, name="counter")
rounds = 12
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for r in range(START, rounds):
    for k in range(20):
        sess.run(update, feed_dict={inputs: rows[k * 32:(k + 1) * 32]})
    sess.run(tf.assign(counter, r + 1))
`;

describe("a loop that starts at a session-read counter (fresh-counter-range.ts)", () => {
  it("walks range(initial, stop) from the variable's initial value in a fresh run", async () => {
    for (const start of ["sess.run(counter)", "counter.eval(session=sess)", "tf.train.global_step(sess, counter)"]) {
      const plan = (await analyze(RESUMABLE.replace("START", start))).training ?? {};
      assert.equal(plan.steps?.value, 12 * 20, start);
      assert.equal(plan.batch?.value, 32, start);
    }
  });

  it("takes a global step TensorFlow makes as starting at 0, and a variable of another start as that", async () => {
    const made = (await analyze(RESUMABLE.replace('tf.Variable(0, trainable=False, name="counter")', "tf.train.get_or_create_global_step()").replace("START", "sess.run(counter)"))).training ?? {};
    assert.equal(made.steps?.value, 12 * 20);
    const later = (await analyze(RESUMABLE.replace("tf.Variable(0,", "tf.Variable(4,").replace("START", "sess.run(counter)"))).training ?? {};
    assert.equal(later.steps?.value, 8 * 20);
  });

  it("leaves a counter of unknown start unread", async () => {
    const plan = (await analyze(RESUMABLE.replace("tf.Variable(0, trainable=False", "tf.Variable(np.load('step.npy'), trainable=False").replace("START", "sess.run(counter)"))).training ?? {};
    assert.notEqual(plan.steps?.value, 12 * 20);
  });
});
