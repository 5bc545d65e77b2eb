import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

// Scripts written for these tests: tf.data pipelines built in a helper of another file, then walked by a loop or
// handed to Keras fit.
const DATA = (chain: string) => [
  "import tensorflow as tf",
  "def make_dataset(images, batch_size, drop_remainder=True, repeat=1):",
  "    dataset = tf.data.Dataset.from_tensor_slices(images)",
  "    dataset = dataset.shuffle(2048).map(lambda x: x / 255.0, num_parallel_calls=tf.data.AUTOTUNE)",
  `    dataset = ${chain}`,
  "    return dataset.prefetch(1)",
  "",
].join("\n");

const LOOP = [
  "import tensorflow as tf",
  "from data import make_dataset",
  "(x_train, _), (_, _) = tf.keras.datasets.mnist.load_data()",
  "batch_size = 50",
  "epochs = 4",
  "dataset = make_dataset(x_train, batch_size)",
  "model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28)), tf.keras.layers.Dense(10)])",
  "optimizer = tf.keras.optimizers.Adam()",
  "for epoch in range(epochs):",
  "    for x in dataset:",
  "        with tf.GradientTape() as tape:",
  "            loss = tf.reduce_mean(model(x))",
  "        grads = tape.gradient(loss, model.trainable_variables)",
  "        optimizer.apply_gradients(zip(grads, model.trainable_variables))",
  "",
].join("\n");

async function planOf(chain: string, script = LOOP) {
  return (await analyze(script, { others: { "/project/data.py": DATA(chain) } })).training ?? {};
}

describe("tf.data pipelines as values: batch and elements a pass, through helpers in other files", () => {
  it("a loop over from_tensor_slices(x).batch(b, drop_remainder) has batch b and x's rows, the partial batch dropped", async () => {
    const plan = await planOf("dataset.batch(batch_size, drop_remainder=drop_remainder).repeat(repeat)");
    assert.strictEqual(plan.batch?.value, 50);
    assert.strictEqual(plan.samples?.value, 60000);
    assert.strictEqual(plan.dropLast, true);
    assert.strictEqual(plan.epochs?.value, 4);
    // The batch is read where the helper sets it; the pipeline value gives the rows and the dropped remainder.
  });
  it("take and skip cut the elements (batches, once batched); filter leaves them unknown; repeat() runs forever", async () => {
    assert.strictEqual((await planOf("dataset.take(1000).batch(batch_size)")).samples?.value, 1000);
    assert.strictEqual((await planOf("dataset.skip(10000).batch(batch_size)")).samples?.value, 50000);
    // 100 batches of 50 taken from the 1,200 a pass holds.
    assert.strictEqual((await planOf("dataset.batch(batch_size).take(100)")).samples?.value, 5000);
    const filtered = await planOf("dataset.filter(lambda x: True).batch(batch_size)");
    assert.strictEqual(filtered.batch?.value, 50);
    // What is left is the load_data table's count, not one the pipeline states.
    assert.doesNotMatch(filtered.samples?.detail ?? "", /tf\.data/);
    assert.doesNotMatch((await planOf("dataset.batch(batch_size).repeat()")).samples?.detail ?? "", /tf\.data/);
  });
  it("an unknown method leaves the pipeline unknown: no figure from it", async () => {
    const plan = await planOf("dataset.interleave(lambda x: x).batch(batch_size)");
    assert.doesNotMatch(plan.samples?.detail ?? "", /tf\.data/);
    assert.doesNotMatch(plan.batch?.detail ?? "", /tf\.data/);
  });
  it("Keras fit given the pipeline takes its batches and elements", async () => {
    const fit = [
      "import tensorflow as tf",
      "from data import make_dataset",
      "(x_train, _), (_, _) = tf.keras.datasets.cifar10.load_data()",
      "train = make_dataset(x_train, 128, drop_remainder=False)",
      "model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(32, 32, 3)), tf.keras.layers.Dense(10)])",
      "model.compile(optimizer='adam', loss='mse')",
      "model.fit(train, epochs=3)",
      "",
    ].join("\n");
    // The first 20,000 of CIFAR-10's 50,000: only the pipeline says so (the load_data table alone gives 50,000).
    const plan = await planOf("dataset.take(20000).batch(batch_size, drop_remainder=drop_remainder)", fit);
    assert.strictEqual(plan.batch?.value, 128);
    assert.strictEqual(plan.samples?.value, 20000);
    assert.strictEqual(plan.epochs?.value, 3);
    assert.strictEqual(plan.dropLast, undefined);
  });
});
