import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// TensorFlow 1.x: a loop named for epochs whose every turn draws `next_batch(n)` and runs the training op once steps
// on n examples a turn, as a step loop drawing so does (src/core/training/training-plan.ts, step-loop-batch.ts).
const SCRIPT = `import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

digits = input_data.read_data_sets("digits/", one_hot=True)
pixels = tf.placeholder(tf.float32, [None, 784])
truth = tf.placeholder(tf.float32, [None, 10])
weights = tf.Variable(tf.zeros([784, 10]))
guess = tf.nn.softmax(tf.matmul(pixels, weights))
loss = tf.reduce_mean(-tf.reduce_sum(truth * tf.log(guess), axis=1))
train_op = tf.train.GradientDescentOptimizer(0.3).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(600):
        images, labels = digits.train.next_batch(75)
        sess.run(train_op, feed_dict={pixels: images, truth: labels})
`;

describe("a TF 1.x epoch loop drawing next_batch once a turn", () => {
  it("steps once a turn on the batch next_batch draws", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.steps?.value, plan.batch?.value], [600, 75]);
  });
});
