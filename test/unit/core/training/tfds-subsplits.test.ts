import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// TFDS 1.x's legacy subsplits are percent slices of the split (tfds-subsplits.ts): weights become whole percents laid
// end to end, k parts are 100 // k percents each, the last stretched to 100.
const SCRIPT = `import tensorflow as tf
import tensorflow_datasets as tfds

PARTS = (3, 1)
parts = tfds.Split.TRAIN.subsplit(weighted=PARTS)
(train_raw, held_raw), info = tfds.load("fashion_mnist", split=list(parts), with_info=True, as_supervised=True)
train_batches = train_raw.shuffle(500).batch(50)
net = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28, 1)), tf.keras.layers.Dense(10)])
net.compile("adam", "sparse_categorical_crossentropy")
net.fit(train_batches, epochs=4)
`;

describe("TFDS 1.x subsplits", () => {
  it("reads subsplit(weighted=...) as the first weight's share of the split", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    // 100 * 3 // 4 = 75% of Fashion-MNIST's 60,000: 45,000 rows.
    assert.deepEqual([plan.samples?.value, plan.batch?.value, plan.epochs?.value], [45000, 50, 4]);
  });

  it("reads a positional list as the weights, an int as k parts and tfds.percent as one slice", async () => {
    const listed = (await analyze(SCRIPT.replace("subsplit(weighted=PARTS)", "subsplit([1, 1, 2])"))).training ?? {};
    assert.equal(listed.samples?.value, 15000);
    const even = (await analyze(SCRIPT.replace("subsplit(weighted=PARTS)", "subsplit(k=3)"))).training ?? {};
    assert.equal(even.samples?.value, 19800);
    const percent = (await analyze(SCRIPT.replace("parts = tfds.Split.TRAIN.subsplit(weighted=PARTS)", "parts = [tfds.Split.TRAIN.subsplit(tfds.percent[-10:]), tfds.Split.TEST]"))).training ?? {};
    assert.equal(percent.samples?.value, 6000);
  });

  it("reads tfds.even_splits as equal percent slices", async () => {
    const plan = (await analyze(SCRIPT.replace("tfds.Split.TRAIN.subsplit(weighted=PARTS)", 'tfds.even_splits("train", n=4)'))).training ?? {};
    assert.equal(plan.samples?.value, 15000);
  });

  it("leaves a positional tuple, which TFDS refuses, unread", async () => {
    const plan = (await analyze(SCRIPT.replace("subsplit(weighted=PARTS)", "subsplit(PARTS)"))).training ?? {};
    assert.notEqual(plan.samples?.value, 45000);
  });
});
