import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// keras.datasets' load_data() gives NumPy arrays: a held-out slice standardised by per-column statistics (numpy's
// axis-0 reductions, over uint8 images too) keeps the slice's rows.
const STANDARDISED = `import tensorflow as tf
(images, labels), _ = tf.keras.datasets.cifar10.load_data()
train_x, train_y = images[8000:], labels[8000:]
centre = train_x.mean(axis=0)
spread = train_x.std(axis=0)
scaled = (train_x - centre) / spread
net = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=[32, 32, 3]), tf.keras.layers.Dense(10, activation="softmax")])
net.compile(loss="sparse_categorical_crossentropy", optimizer="sgd")
net.fit(scaled, train_y, epochs=2, batch_size=100)
`;

describe("keras.datasets arrays are numpy arrays", () => {
  it("keeps a slice's rows through numpy's axis-0 statistics of it", async () => {
    const plan = (await analyze(STANDARDISED)).training ?? {};
    assert.equal(plan.samples?.value, 42_000);
    assert.equal(plan.batch?.value, 100);
  });

  it("keeps a row of a numpy array a numpy array (its axis reductions are numpy's)", async () => {
    const script = STANDARDISED.replace("centre = train_x.mean(axis=0)", "centre = train_x[0].mean(axis=0)");
    const plan = (await analyze(script)).training ?? {};
    assert.equal(plan.samples?.value, 42_000);
  });
});
