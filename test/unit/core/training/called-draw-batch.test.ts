import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A TF 1.x step loop whose feed comes from a helper that draws `next_batch(100)` (the MNIST tutorials'
// `feed_dict(train)`): the number written in the draw is the batch wherever the helper sits, at the module's level
// or inside the function that runs the loop (src/core/training/step-loop-batch.ts). Scripts written for this test.
const graph = `import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)
x = tf.placeholder(tf.float32, [None, 784])
y_ = tf.placeholder(tf.float32, [None, 10])
W = tf.Variable(tf.zeros([784, 10]))
y = tf.matmul(x, W)
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=y))
train_step = tf.train.GradientDescentOptimizer(0.5).minimize(loss)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
`;

const moduleHelper = `${graph}

def feed(train):
    xs, ys = mnist.train.next_batch(DRAW)
    return {x: xs, y_: ys}


for i in range(1000):
    sess.run(train_step, feed_dict=feed(True))
`;

const nestedHelper = `${graph}

def train():
    def feed(train):
        xs, ys = mnist.train.next_batch(64)
        return {x: xs, y_: ys}

    for i in range(1000):
        sess.run(train_step, feed_dict=feed(True))


train()
`;

describe("the batch a step loop's helper draws with a number written in the call (step-loop-batch.ts)", () => {
  it("reads next_batch(100) in a module-level helper the loop calls", async () => {
    const plan = (await analyze(moduleHelper.replace("DRAW", "100"))).training ?? {};
    assert.equal(plan.batch?.value, 100);
  });

  it("reads the draw of a helper defined inside the function that runs the loop", async () => {
    const plan = (await analyze(nestedHelper)).training ?? {};
    assert.equal(plan.batch?.value, 64);
  });

  it("reads no batch from a draw of a count the helper's caller does not hold", async () => {
    const plan = (await analyze(moduleHelper.replace("def feed(train):", "def feed(train, n):").replace("DRAW", "n").replace("feed(True)", "feed(True, unknown_size())"))).training ?? {};
    assert.equal(plan.batch?.value, undefined);
  });
});
