import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// tfds.Split.TRAIN is the string "train" (tfds-split-members.ts).
const SCRIPT = `import tensorflow as tf
import tensorflow_datasets as tfds

ds = tfds.load("tf_flowers", split=tfds.Split.TRAIN, as_supervised=True)
ds = ds.map(lambda x, y: (tf.image.resize(x, [64, 64]) / 255.0, y)).batch(30)
net = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(64, 64, 3)), tf.keras.layers.Dense(5)])
net.compile("adam", "sparse_categorical_crossentropy")
net.fit(ds, epochs=2)
`;

describe("tfds.Split members", () => {
  it("reads split=tfds.Split.TRAIN as the training split", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.samples?.value, plan.batch?.value, plan.epochs?.value], [3670, 30, 2]);
  });

  it("leaves a split the table does not size unknown", async () => {
    const plan = (await analyze(SCRIPT.replace("tfds.Split.TRAIN", "tfds.Split.TEST"))).training ?? {};
    assert.equal(plan.samples, undefined);
  });
});
