import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A tf.data chain cut by skip() whose name is bound to the load call with a map() after it in one statement
// (`ds = tfds.load(...).map(f)`): the load is the chain's start, so the cut counts against its published size
// (src/core/training/tfdata-parts.ts, read in training-plan.ts). A script written for this test.
const script = (load: string) => `import tensorflow as tf
import tensorflow_datasets as tfds

def prep(image, label):
    return tf.image.resize(image, (32, 32)) / 255, label

${load}
held = ds.take(100).batch(50)
train = ds.skip(100).batch(50).repeat()

model = tf.keras.models.Sequential([tf.keras.layers.Flatten(input_shape=(32, 32, 3)), tf.keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train, epochs=2, steps_per_epoch=10, validation_data=held)
`;

describe("a tf.data cut of a load mapped in the same statement", () => {
  it("counts skip(100) against cats_vs_dogs' 23,262 training examples", async () => {
    const plan = (await analyze(script('ds = tfds.load("cats_vs_dogs", split="train", as_supervised=True).map(prep)'))).training;
    assert.equal(plan?.samples?.value, 23262 - 100);
    assert.match(plan?.samples?.detail ?? "", /skip\(100\) of 23262 elements/);
  });

  it("reads the same as a load and a map in two statements", async () => {
    const plan = (await analyze(script('ds = tfds.load("cats_vs_dogs", split="train", as_supervised=True)\nds = ds.map(prep)'))).training;
    assert.equal(plan?.samples?.value, 23262 - 100);
  });
});
