import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Keras fit on arrays with steps_per_epoch and no batch_size: batch = ceil(samples / steps) (fit-steps-batch.ts).
const SCRIPT = `import tensorflow as tf

(images, labels), _ = tf.keras.datasets.mnist.load_data()
net = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28)), tf.keras.layers.Dense(10)])
net.compile("sgd", tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
net.fit(images, labels, epochs=4, steps_per_epoch=250, validation_split=0.5)
`;

describe("Keras fit on arrays with steps_per_epoch", () => {
  it("splits the samples left after validation_split into steps_per_epoch batches, not batches of 32", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.samples?.value, plan.batch?.value, plan.steps?.value, plan.epochs?.value], [30000, 120, 1000, 4]);
  });

  it("leaves the batch unknown where the arrays' rows are, and keeps 32 without steps_per_epoch", async () => {
    const unknownRows = (await analyze(SCRIPT.replace("(images, labels), _ = tf.keras.datasets.mnist.load_data()", "import numpy as np\nimages = np.load('images.npy')\nlabels = np.load('labels.npy')"))).training ?? {};
    assert.equal(unknownRows.batch, undefined);
    assert.equal(unknownRows.steps?.value, 1000);
    const plain = (await analyze(SCRIPT.replace(", steps_per_epoch=250", ""))).training ?? {};
    assert.equal(plain.batch?.value, 32);
  });
});
