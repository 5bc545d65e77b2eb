import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A function handed a tape's gradients that moves variables by them takes one optimizer step per call
// (tape-updates.ts appliesPassedGradients, read where stepping calls are): the loop that calls it is a step loop, so
// the minibatch generator it walks gives the run's batch and samples.
const SCRIPT = (update: string) => `import tensorflow as tf

rows = tf.random.normal((480, 3))
target = tf.random.normal((480, 1))


def chunks(batch_size, xs, ys):
    n = len(xs)
    for start in range(0, n, batch_size):
        yield xs[start:start + batch_size], ys[start:start + batch_size]


def descend(variables, rate, grads):
    for k, v in enumerate(variables):
        ${update}


size = 24
kernel = tf.Variable(tf.zeros((3, 1)))
bias = tf.Variable(tf.zeros((1,)))
num_epochs = 4
for epoch in range(num_epochs):
    for xb, yb in chunks(size, rows, target):
        with tf.GradientTape() as tape:
            err = tf.reduce_sum((tf.matmul(xb, kernel) + bias - yb) ** 2)
        g = tape.gradient(err, [kernel, bias])
        descend([kernel, bias], 0.01, g)
`;

describe("a function given a tape's gradients that moves variables by them", function () {
  this.timeout(20_000);
  it("takes a step per call: the generator's batch and samples are the run's", async () => {
    const plan = (await analyze(SCRIPT("v.assign_sub(rate * grads[k])"))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [4, 24, 480]);
  });

  it("is no step where the function only reads the gradients", async () => {
    const plan = (await analyze(SCRIPT("print(rate * grads[k])"))).training ?? {};
    assert.notEqual(plan.samples?.value, 480);
  });
});
