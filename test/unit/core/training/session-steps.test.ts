import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A TensorFlow 1.x graph script in the tutorials' style: the optimizer's minimize() op, run in a session once per batch.
const TF1_SCRIPT = `import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

mnist = input_data.read_data_sets("./mnist/data/", one_hot=True)
X = tf.placeholder(tf.float32, [None, 784])
Y = tf.placeholder(tf.float32, [None, 10])
W = tf.Variable(tf.random_normal([784, 10]))
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=tf.matmul(X, W), labels=Y))
optimizer = tf.train.AdamOptimizer(0.001).minimize(cost)

sess = tf.Session()
sess.run(tf.global_variables_initializer())
batch_size = 100
total_batch = int(mnist.train.num_examples / batch_size)
for epoch in range(15):
    for i in range(total_batch):
        batch_xs, batch_ys = mnist.train.next_batch(batch_size)
        _, cost_val = sess.run([optimizer, cost], feed_dict={X: batch_xs, Y: batch_ys})
`;

describe("TensorFlow 1.x session training loops", () => {
  it("counts a loop that runs an optimizer's minimize() op in a session as a step loop", async () => {
    const plan = (await analyze(TF1_SCRIPT)).training ?? {};
    assert.equal(plan.epochs?.value, 15);
    // read_data_sets keeps 5,000 of MNIST's 60,000 training images for validation: 55,000 / 100 = 550 a pass.
    assert.equal(plan.steps?.value, 15 * 550);
    assert.equal(plan.batch?.value, 100);
    assert.equal(plan.samples?.value, 55_000);
    assert.match(plan.samples!.detail, /validation_size=5000/);
  });

  it("counts the operation's own run() (train_op.run(feed_dict=...)) as a session step, and another op's run() as none", async () => {
    const script = `import random
import tensorflow as tf

x = tf.placeholder("float", [None, 4])
y = tf.placeholder("float", [None])
w = tf.Variable(tf.zeros([4]))
cost = tf.reduce_mean(tf.square(y - tf.reduce_sum(x * w, 1)))
train_step = tf.train.AdamOptimizer(1e-4).minimize(cost)
sess = tf.InteractiveSession()
sess.run(tf.global_variables_initializer())
memory = [([0.0, 0.0, 0.0, 0.0], 1.0)] * 1000
BATCH = 48
for t in range(3000):
    minibatch = random.sample(memory, BATCH)
    train_step.run(feed_dict={x: [m[0] for m in minibatch], y: [m[1] for m in minibatch]})
`;
    const plan = (await analyze(script)).training ?? {};
    assert.equal(plan.steps?.value, 3000);
    assert.equal(plan.batch?.value, 48);
    const evaluated = (await analyze(script.replace("train_step.run(", "cost.eval("))).training ?? {};
    assert.equal(evaluated.steps, undefined, "evaluating the cost takes no step");
  });

  it("follows validation_size, and a session run that fetches no training op is no step", async () => {
    const plan = (await analyze(TF1_SCRIPT.replace('one_hot=True)', 'one_hot=True, validation_size=10000)').replace("sess.run([optimizer, cost]", "sess.run([cost, cost]"))).training ?? {};
    assert.equal(plan.samples?.value, 50_000);
    assert.equal(plan.steps, undefined, "a loop that only evaluates the cost takes no step");
  });

  it("reads an op made under tf.control_dependencies of the update, and a name bound to it in a branch", async () => {
    const script = `import tensorflow as tf

class Trainer(object):
    def __init__(self):
        self.loss = tf.reduce_mean(tf.Variable(1.0))
        update = tf.train.AdamOptimizer(1e-3).minimize(self.loss)
        with tf.control_dependencies([update]):
            self.train_op = tf.no_op()
        self.sess = tf.Session()

    def train(self):
        for epoch in range(1, 1 + 7):
            if epoch > 2:
                op = self.train_op
            else:
                op = self.train_op
            for i in range(40):
                _, loss = self.sess.run([op, self.loss])


if __name__ == '__main__':
    Trainer().train()
`;
    const plan = (await analyze(script)).training ?? {};
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.steps?.value, 7 * 40);
  });

  it("counts a zip of two strided ranges by its shorter one, as Python's zip stops there", async () => {
    const script = `import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)
trX = mnist.train.images
X = tf.placeholder("float", [None, 784])
train_op = tf.train.RMSPropOptimizer(0.001, 0.9).minimize(tf.reduce_mean(X))
batch_size = 128
with tf.Session() as sess:
    for i in range(3):
        batches = zip(range(0, len(trX), batch_size), range(batch_size, len(trX) + 1, batch_size))
        for start, end in batches:
            sess.run(train_op, feed_dict={X: trX[start:end]})
`;
    const plan = (await analyze(script)).training ?? {};
    // 55,000 rows: 430 starts but 429 ends, so 429 batches a pass (the last partial batch is never run).
    assert.equal(plan.steps?.value, 3 * 429);
    assert.equal(plan.batch?.value, 128);
  });
});
