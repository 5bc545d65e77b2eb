import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// TensorFlow 1.x scripts that name no epochs or batches: a counted loop running the optimizer's minimize() op, fed a
// slice of B rows from a start the loop binds from its index (code-sites.ts SESSION_TRAINING, step-loop-batch.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (start: string, fed: string) => `import numpy as np
import tensorflow as tf

N, B = 2000, 50
xs = np.random.rand(N, 10).astype(np.float32)
ys = np.random.rand(N, 1).astype(np.float32)
x = tf.placeholder(tf.float32, [None, 10])
y = tf.placeholder(tf.float32, [None, 1])
w = tf.Variable(tf.zeros([10, 1]))
loss = tf.reduce_mean(tf.square(tf.matmul(x, w) - y))
train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(3000):
        i = ${start}
        sess.run(train_op, feed_dict={x: ${fed}, y: ys[i:i + B]})
`;

describe("TensorFlow 1.x feeds without training words", function () {
  this.timeout(20_000);
  it("for step in range(3000): i = (step * B) % N; feed xs[i:i + B]: 3,000 steps of 50 rows", async () => {
    const plan = await planOf(SCRIPT("(step * B) % N", "xs[i:i + B]"));
    assert.equal(plan.steps?.value, 3000);
    assert.equal(plan.batch?.value, 50);
  });

  it("a script whose only training word is minimize() is read, whatever its feed", async () => {
    const plan = await planOf(SCRIPT("np.random.randint(0, N - B)", "xs"));
    assert.equal(plan.steps?.value, 3000);
  });
});
