import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A TF2 custom loop over a tf.data dataset repeated without end and cut by take(N).
const SCRIPT = `import tensorflow as tf
(x_train, y_train), _ = tf.keras.datasets.mnist.load_data()
train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(10000).batch(100)
model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28)), tf.keras.layers.Dense(10)])
optimizer = tf.keras.optimizers.SGD()
LIMIT = 2000
for step, (x, y) in enumerate(train_ds.repeat().take(LIMIT)):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(y, model(x)))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
`;

describe("tf.data repeat().take(N) loops", () => {
  it("counts N steps over data repeated without end", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.steps?.value, 2000);
    assert.equal(plan.batch?.value, 100);
  });

  it("does not take N as the count when the data is repeated a set number of times, or not at all", async () => {
    for (const chain of ["train_ds.repeat(2).take(LIMIT)", "train_ds.take(LIMIT)"]) {
      const plan = (await analyze(SCRIPT.replace("train_ds.repeat().take(LIMIT)", chain))).training ?? {};
      assert.notEqual(plan.steps?.value, 2000, chain);
    }
  });
});
