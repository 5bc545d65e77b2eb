import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A batching call drawn from once builds an array; its batch_size is not the run's batch (keras/drawn-once.ts).
const SCRIPT = `import numpy as np
import tensorflow as tf
from tensorflow.keras.preprocessing.image import ImageDataGenerator

(images, labels), _ = tf.keras.datasets.cifar10.load_data()
jitter = ImageDataGenerator(horizontal_flip=True)
extra = jitter.flow(images[:500], labels[:500], batch_size=500, shuffle=False).next()[0]
net = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(32, 32, 3)), tf.keras.layers.Dense(10)])
net.compile("adam", tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
net.fit(images, labels, epochs=2)
`;

describe("batches drawn once", () => {
  it("do not give the run's batch: fit's own default 32 does", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.epochs?.value], [32, 2]);
  });

  it("read next(iter(...)) the same way, and a flow that fit trains on still gives its batch", async () => {
    const viaNext = (await analyze(SCRIPT.replace("jitter.flow(images[:500], labels[:500], batch_size=500, shuffle=False).next()[0]", "next(iter(tf.data.Dataset.from_tensor_slices(images).batch(500)))"))).training ?? {};
    assert.equal(viaNext.batch?.value, 32);
    const trained = (await analyze(SCRIPT.replace("extra = jitter.flow(images[:500], labels[:500], batch_size=500, shuffle=False).next()[0]", "stream = jitter.flow(images, labels, batch_size=500)").replace("net.fit(images, labels, epochs=2)", "net.fit(stream, epochs=2)"))).training ?? {};
    assert.equal(trained.batch?.value, 500);
  });
});
