import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A TensorFlow Datasets builder's splits, cut by take/skip into validation and training parts fed to Keras fit.
const BUILDER = `import tensorflow as tf
import tensorflow_datasets as tfds
builder = tfds.builder("fashion_mnist")
builder.download_and_prepare()
splits = builder.as_dataset(shuffle_files=False)
train_all, test_all = splits["train"], splits["test"]
train_all = train_all.map(lambda item: (tf.cast(item["image"], tf.float32) / 255.0, item["label"]))
train_all = train_all.shuffle(5000, reshuffle_each_iteration=False)
valid_ds = train_all.take(6000).batch(50)
train_ds = train_all.skip(6000).batch(50)
model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28, 1)), tf.keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_ds, epochs=2, validation_data=valid_ds)
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("tf.data take/skip on data of known size", () => {
  it("reads a tfds builder's training split and the part skip() leaves for fit, not the validation take()", async () => {
    const p = await plan(BUILDER);
    assert.equal(p.samples?.value, 54000);
    assert.equal(p.batch?.value, 50);
    assert.match(p.samples?.detail ?? "", /skip\(6000\)/);
  });

  it("reads the builder's whole training split without a cut", async () => {
    const whole = BUILDER.replace("train_ds = train_all.skip(6000).batch(50)", "train_ds = train_all.batch(50)");
    assert.equal((await plan(whole)).samples?.value, 60000);
  });

  it("cuts from_tensor_slices over loaded arrays, before or after batching (take(n) of batches keeps n batches)", async () => {
    const sliced = `import tensorflow as tf
(x_train, y_train), _ = tf.keras.datasets.mnist.load_data()
ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).take(20000).batch(100)
model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28)), tf.keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(ds, epochs=1)
`;
    assert.equal((await plan(sliced)).samples?.value, 20000);
    // 20,000 batches of 100 are more than the data holds: all 60,000 rows.
    assert.equal((await plan(sliced.replace(".take(20000).batch(100)", ".batch(100).take(20000)"))).samples?.value, 60000);
    const dropped = await plan(sliced.replace(".take(20000).batch(100)", ".batch(64, drop_remainder=True).take(500)"));
    assert.equal(dropped.samples?.value, 32000);
    assert.equal(dropped.dropLast, true);
    // After a repeat the data has no end: the cut is take-count.ts's, no sample count.
    assert.notEqual((await plan(sliced.replace(".take(20000).batch(100)", ".batch(100).repeat(2).take(700)"))).samples?.value, 70000);
  });

  it("keeps a shard's elements, every num_shards-th from its index, before batching; a shard of batches is left unread", async () => {
    const sharded = await plan(BUILDER.replace("train_ds = train_all.skip(6000).batch(50)", "train_ds = train_all.shard(num_shards=7, index=3).batch(50)"));
    // Positions 3, 10, ... of 60,000: ⌈(60,000 − 3) / 7⌉ = 8,571 (len(range(3, 60000, 7))).
    assert.equal(sharded.samples?.value, 8571);
    const afterBatch = await plan(BUILDER.replace("train_ds = train_all.skip(6000).batch(50)", "train_ds = train_all.batch(50).shard(7, 3)"));
    assert.notEqual(afterBatch.samples?.value, 8571);
  });
});
