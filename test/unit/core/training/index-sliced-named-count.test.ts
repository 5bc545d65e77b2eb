import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loop of batch indexes whose count is held under a name bound before it (`n_chunks = n // width`, then
// `for k in range(n_chunks)`): read through that binding (src/core/training/index-sliced-pass.ts).
const SCRIPT = `import numpy as np
import tensorflow as tf

def train(feats, labels):
    n, d = feats.shape
    batch_size = 250
    n_chunks = n // batch_size
    inp = tf.placeholder(tf.float32, shape=(None, d))
    tgt = tf.placeholder(tf.float32, shape=(None, 4))
    w = tf.Variable(np.zeros((d, 4), dtype=np.float32))
    loss = tf.reduce_mean(tf.square(tf.matmul(inp, w) - tgt))
    train_op = tf.train.AdamOptimizer(1e-3).minimize(loss)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for r in range(9):
            for k in range(n_chunks):
                xb = feats[k*batch_size:(k*batch_size + batch_size),]
                yb = labels[k*batch_size:(k*batch_size + batch_size),]
                sess.run(train_op, feed_dict={inp: xb, tgt: yb})

ROWS
`;

describe("a loop of batch indexes counted by a name bound to the rows over the batch", () => {
  it("makes the loop around it an epoch loop where the rows are unknown", async () => {
    const plan = (await analyze(SCRIPT.replace("ROWS", "train(np.load('feats.npy'), np.load('labels.npy'))"))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.steps?.value, plan.samples?.value], [9, 250, undefined, undefined]);
  });

  it("reads the rows a pass walks where they are known", async () => {
    const plan = (await analyze(SCRIPT.replace("ROWS", "train(np.zeros((5000, 6), dtype=np.float32), np.zeros((5000, 4), dtype=np.float32))"))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.steps?.value, plan.samples?.value], [9, 250, 9 * 20, 5000]);
  });

  it("reads no pass when the name holds a quotient by another figure", async () => {
    const plan = (await analyze(SCRIPT.replace("n_chunks = n // batch_size", "n_chunks = n // 100").replace("ROWS", "train(np.load('feats.npy'), np.load('labels.npy'))"))).training ?? {};
    assert.equal(plan.epochs, undefined);
  });
});
