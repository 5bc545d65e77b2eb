import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// TensorFlow 1.x's MNIST loader reached through tf.contrib (`tf.contrib.learn.datasets.mnist.read_data_sets`, or
// imported from its defining module): the same 55,000 training images as the tutorials' input_data
// (src/core/keras/tf1-mnist.ts). Scripts written for this test.
const script = (load: string, imports = "") => `import tensorflow as tf
${imports}
mnist = ${load}
x = tf.placeholder(tf.float32, [None, 784])
y_ = tf.placeholder(tf.float32, [None, 10])
W = tf.Variable(tf.zeros([784, 10]))
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=tf.matmul(x, W)))
train_step = tf.train.AdamOptimizer(1e-3).minimize(loss)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for i in range(300):
    batch = mnist.train.next_batch(50)
    sess.run(train_step, feed_dict={x: batch[0], y_: batch[1]})
`;

describe("TensorFlow 1.x's MNIST loader under tf.contrib (tf1-mnist.ts)", () => {
  it("reads tf.contrib.learn.datasets.mnist.read_data_sets as 55,000 training images", async () => {
    const plan = (await analyze(script('tf.contrib.learn.datasets.mnist.read_data_sets(train_dir="data", one_hot=True)'))).training ?? {};
    assert.equal(plan.samples?.value, 55_000);
    assert.equal(plan.batch?.value, 50);
  });

  it("reads the loader imported from its defining module, with its validation_size", async () => {
    const plan = (await analyze(script('read_data_sets("data", one_hot=True, validation_size=10000)', "from tensorflow.contrib.learn.python.learn.datasets.mnist import read_data_sets"))).training ?? {};
    assert.equal(plan.samples?.value, 50_000);
  });

  it("reads no samples from another module's read_data_sets", async () => {
    const plan = (await analyze(script('read_data_sets("data", one_hot=True)', "from my_loaders import read_data_sets"))).training ?? {};
    assert.equal(plan.samples?.value, undefined);
  });
});
