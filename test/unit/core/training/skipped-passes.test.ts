import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A step loop that evaluates on one pass in K in place of training (`if i % 10 == 0: print(...) else: step`): the
// optimizer steps on the other K - 1 (src/core/training/skipped-passes.ts). Scripts written for this test.
const tape = (gate: string, evaluate: string, step: string) => `import numpy as np
import tensorflow as tf

rows = np.random.rand(1000, 8).astype(np.float32)
model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.SGD()


def train_step(batch):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(model(batch) ** 2)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))


for step in range(500):
    batch = rows[np.random.randint(0, 1000, 50)]
    ${gate}
        ${evaluate}
    else:
        ${step}
`;

const session = `import numpy as np
import tensorflow as tf

rows = np.random.rand(1000, 8).astype(np.float32)
inputs = tf.placeholder(tf.float32, [None, 8])
weights = tf.Variable(tf.zeros([8, 1]))
loss = tf.reduce_mean(tf.square(tf.matmul(inputs, weights)))
update = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for i in range(1003):
    if i % 10 == 0:
        print(sess.run(loss, feed_dict={inputs: rows}))
    else:
        sess.run(update, feed_dict={inputs: rows[:50]})
`;

describe("a step loop that evaluates in place of a step on one pass in K (skipped-passes.ts)", () => {
  it("steps on the passes whose index is no multiple of K (TF 2 tape)", async () => {
    const plan = (await analyze(tape("if step % 10 == 0:", "print(float(tf.reduce_mean(model(batch))))", "train_step(batch)"))).training ?? {};
    assert.equal(planOptimizerSteps(plan)?.value, 450);
  });

  it("counts K - 1 of every K of a TF 1.x session loop, the partial last period too", async () => {
    const plan = (await analyze(session)).training ?? {};
    // indexes 0, 10, ..., 1000 evaluate: 101 of 1003
    assert.equal(planOptimizerSteps(plan)?.value, 1003 - 101);
  });

  it("reads `(i + 1) % K == 0` and a step under `i % K != 0`", async () => {
    const shifted = (await analyze(tape("if (step + 1) % 100 == 0:", "print(float(tf.reduce_mean(model(batch))))", "train_step(batch)"))).training ?? {};
    assert.equal(planOptimizerSteps(shifted)?.value, 495);
    const negated = (await analyze(tape("if step % 4 != 0:", "train_step(batch)", "print(float(tf.reduce_mean(model(batch))))"))).training ?? {};
    assert.equal(planOptimizerSteps(negated)?.value, 375);
  });

  it("keeps every pass where the test is not on the loop's index", async () => {
    const other = (await analyze(tape("if len(batch) % 10 == 0:", "print(len(batch))", "train_step(batch)"))).training ?? {};
    assert.equal(planOptimizerSteps(other)?.value, 500);
  });
});
