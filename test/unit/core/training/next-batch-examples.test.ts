import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A project's own function named as a table dataset is read from its code, not the table (own-code.ts ownFunction),
// and TensorFlow 1.x's DataSet that next_batch draws from counts its examples in num_examples (training-plan.ts).
const SCRIPT = `import tensorflow as tf
from loaders import MNIST

data = MNIST()
x = tf.placeholder(tf.float32, [None, 784])
y = tf.placeholder(tf.float32, [None, 10])
w = tf.Variable(tf.zeros([784, 10]))
logits = tf.matmul(x, w)
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=y))
train_op = tf.train.AdamOptimizer().minimize(cost)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for epoch_i in range(3):
    for batch_i in range(data.train.num_examples // 200):
        bx, by = data.train.next_batch(200)
        sess.run(train_op, feed_dict={x: bx, y: by})
`;

const WRAPPED = `import tensorflow.examples.tutorials.mnist.input_data as input_data

def MNIST(one_hot=True):
    return input_data.read_data_sets('MNIST_data/', one_hot=one_hot)
`;

describe("a data set drawn by next_batch from a project's own loader function", () => {
  it("takes the samples the data set counts, not the table's for the function's name", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/loaders.py": WRAPPED } })).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [3, 200, 55000]);
  });

  it("leaves the samples unknown where the function's data is not known", async () => {
    const unknown = `import numpy as np\n\ndef MNIST():\n    return np.load("mnist.npz")\n`;
    const plan = (await analyze(SCRIPT, { others: { "/project/loaders.py": unknown } })).training ?? {};
    assert.notEqual(plan.samples?.value, 60000);
  });
});
