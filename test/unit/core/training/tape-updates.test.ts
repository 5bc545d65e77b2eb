import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Gradient descent by hand in TensorFlow 2: a tape's gradients assigned into the variables each batch.
const SCRIPT = `import tensorflow as tf
(x, y), _ = tf.keras.datasets.fashion_mnist.load_data()
db = tf.data.Dataset.from_tensor_slices((x, y)).batch(250)
w = tf.Variable(tf.random.normal([784, 10], stddev=0.1))
b = tf.Variable(tf.zeros([10]))
lr = 0.01
for step, (xb, yb) in enumerate(db.repeat(3)):
    xb = tf.reshape(tf.cast(xb, tf.float32), (-1, 784))
    with tf.GradientTape() as tape:
        out = xb @ w + b
        loss = tf.reduce_mean(tf.square(tf.one_hot(yb, 10) - out))
    grads = tape.gradient(loss, [w, b])
    for p, g in zip([w, b], grads):
        p.assign_sub(lr * g)
`;

describe("TensorFlow variables updated by hand from a tape's gradients", () => {
  it("makes the loop that binds the gradients a step loop (its repeat(3) then three epochs), not the loop over the variables", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs?.value, 3);
    assert.equal(plan.batch?.value, 250);
    assert.equal(plan.samples?.value, 60000);
  });

  it("reads the update through subscripts of the gradients and inside a training function", async () => {
    const direct = SCRIPT.replace("    for p, g in zip([w, b], grads):\n        p.assign_sub(lr * g)\n", "    w.assign_sub(lr * grads[0])\n    b.assign_sub(lr * grads[1])\n");
    assert.notEqual(direct, SCRIPT);
    assert.equal((await analyze(direct)).training?.epochs?.value, 3);
    const called = `import tensorflow as tf
(x, y), _ = tf.keras.datasets.fashion_mnist.load_data()
db = tf.data.Dataset.from_tensor_slices((x, y)).batch(250)
w = tf.Variable(tf.random.normal([784, 10], stddev=0.1))
def update(xb, yb):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(tf.one_hot(yb, 10) - tf.reshape(tf.cast(xb, tf.float32), (-1, 784)) @ w))
    dw = tape.gradient(loss, w)
    w.assign_sub(0.01 * dw)
for i, (xb, yb) in enumerate(db.repeat(3)):
    update(xb, yb)
`;
    const plan = (await analyze(called)).training ?? {};
    assert.equal(plan.epochs?.value, 3);
    assert.equal(plan.batch?.value, 250);
  });

  it("is no step when what is assigned does not come from the tape", async () => {
    const plan = (await analyze(SCRIPT.replace("p.assign_sub(lr * g)", "p.assign_sub(lr * p)"))).training ?? {};
    assert.notEqual(plan.epochs?.value, 3);
  });
});
