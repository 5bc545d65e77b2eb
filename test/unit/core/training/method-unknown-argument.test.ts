import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A method's argument the call passes but whose value is unknown stays unknown: the parameter's default is not what
// the call gives (src/core/training/method-bindings.ts).
const SCRIPT = `import numpy as np
import tensorflow as tf

class Learner(object):
    def fit(self, X, Y, batch_size=20, epochs=100):
        N, D = X.shape
        inp = tf.placeholder(tf.float32, shape=(None, D))
        tgt = tf.placeholder(tf.float32, shape=(None, 1))
        w = tf.Variable(np.zeros((D, 1), dtype=np.float32))
        cost = tf.reduce_mean(tf.square(tf.matmul(inp, w) - tgt))
        train_op = tf.train.AdamOptimizer(0.1).minimize(cost)
        n_batches = N // batch_size
        with tf.Session() as session:
            for i in range(epochs):
                for j in range(n_batches):
                    xb = X[j*batch_size:(j+1)*batch_size]
                    yb = Y[j*batch_size:(j+1)*batch_size]
                    session.run(train_op, feed_dict={inp: xb, tgt: yb})

X = np.zeros((640, 3), dtype=np.float32)
Y = np.load("targets.npy")
Learner().fit(X, Y, BATCH, epochs=30)
`;

describe("a method argument passed with an unknown value", () => {
  it("leaves the batch unknown instead of taking the parameter's default", async () => {
    const plan = (await analyze(SCRIPT.replace("BATCH", "batch_size=len(Y)"))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.steps?.value], [30, undefined, undefined]);
  });

  it("still reads a known argument, and the default where none is passed", async () => {
    const known = (await analyze(SCRIPT.replace("BATCH", "batch_size=64"))).training ?? {};
    assert.deepEqual([known.epochs?.value, known.batch?.value, known.samples?.value], [30, 64, 640]);
    const defaulted = (await analyze(SCRIPT.replace("BATCH, ", ""))).training ?? {};
    assert.deepEqual([defaulted.epochs?.value, defaulted.batch?.value], [30, 20]);
  });
});
