import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loop that calls a function taking one tape step over the whole data each pass (src/core/training/loop-shape.ts
// stepsOnceInBody, src/core/training/tape-whole-data.ts): one optimizer step an epoch, on every row of the tensors.
const SCRIPT = `import tensorflow as tf

class Line(object):
    def __init__(self):
        self.slope = tf.Variable(0.5)
        self.bias = tf.Variable(0.0)

    def __call__(self, x):
        return self.slope * x + self.bias

def mse(pred, target):
    return tf.reduce_mean(tf.square(pred - target))

points = tf.random.normal(shape=[640])
targets = 1.5 * points - 0.25

def fit_once(line, inputs, outputs, rate):
    with tf.GradientTape() as tape:
        cost = mse(line(inputs), outputs)
    d_slope, d_bias = tape.gradient(cost, [line.slope, line.bias])
    line.slope.assign_sub(rate * d_slope)
    line.bias.assign_sub(rate * d_bias)
    return cost

line = Line()
history = []
for epoch in range(40):
    history.append(fit_once(line, points, targets, rate=0.05))
`;

describe("full-batch training by a tape step in a called function", () => {
  it("counts one step an epoch over all the rows the tape reads", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.steps?.value, plan.batch?.value, plan.samples?.value], [40, 40, 640, 640]);
  });

  it("reads the rows of a tape written in the loop itself", async () => {
    const inline = SCRIPT.replace(/for epoch in range\(40\):\n.*\n/, `for epoch in range(40):
    with tf.GradientTape() as tape:
        cost = mse(line(points), targets)
    d_slope, d_bias = tape.gradient(cost, [line.slope, line.bias])
    line.slope.assign_sub(0.05 * d_slope)
    line.bias.assign_sub(0.05 * d_bias)
`);
    const plan = (await analyze(inline)).training ?? {};
    assert.deepEqual([plan.steps?.value, plan.batch?.value, plan.samples?.value], [40, 640, 640]);
  });

  it("leaves the rows unread where each pass draws a part of the data", async () => {
    const drawn = SCRIPT.replace("    history.append(fit_once(line, points, targets, rate=0.05))", `    idx = tf.random.uniform([32], 0, 640, dtype=tf.int32)
    xb = tf.gather(points, idx)
    yb = tf.gather(targets, idx)
    history.append(fit_once(line, xb, yb, rate=0.05))`);
    const plan = (await analyze(drawn)).training ?? {};
    assert.notEqual(plan.samples?.value, 640);
  });
});
