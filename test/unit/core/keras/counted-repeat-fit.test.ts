import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Keras fit over a tf.data pipeline with a counted repeat(k) (src/core/keras/tf-data.ts's repeatedIteration): each
// epoch walks all k passes, batched as the chain's order says; and tfds.load(batch_size=b) yields batches of b.
const FIT = (chain: string) => `import tensorflow as tf

xs = tf.range(12.)[:, None]
ys = 3 * xs - 1
line = tf.data.Dataset.from_tensor_slices((xs, ys))${chain}
reg = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(1,))])
reg.compile(optimizer="sgd", loss="mse")
reg.fit(line, epochs=4)
`;

const planOf = async (text: string) => (await analyze(text)).training ?? {};

describe("Keras fit over a counted repeat and tfds.load's batch_size (src/core/keras/tf-data.ts)", () => {
  it("batches the k passes as one stream where the repeat comes before the batch", async () => {
    const plan = await planOf(FIT(".repeat(5).batch(8)"));
    // 5 passes of 12 elements: 60 elements, ⌈60 / 8⌉ = 8 batches an epoch, 4 epochs.
    assert.deepEqual([plan.samples?.value, plan.batch?.value, plan.steps?.value, plan.epochs?.value], [60, 8, 32, 4]);
  });

  it("repeats a pass's batches, the last partial one each time, where the batch comes first", async () => {
    const plan = await planOf(FIT(".batch(8).repeat(5)"));
    // ⌈12 / 8⌉ = 2 batches a pass, 5 passes: 10 batches an epoch.
    assert.deepEqual([plan.samples?.value, plan.steps?.value], [60, 40]);
  });

  it("drops the partial batch of the stream with drop_remainder=True", async () => {
    const plan = await planOf(FIT(".repeat(5).batch(8, drop_remainder=True)"));
    assert.equal(plan.steps?.value, 28);
  });

  it("leaves steps_per_epoch in charge of a counted repeat's epochs", async () => {
    const plan = await planOf(FIT(".repeat(5).batch(8)").replace("epochs=4)", "epochs=4, steps_per_epoch=3)"));
    assert.equal(plan.steps?.value, 12);
  });

  it("reads tfds.load(batch_size=b) as the batch of the split fit walks, and -1 as no batch", async () => {
    const text = (size: string) => `import tensorflow as tf
import tensorflow_datasets as tfds

train = tfds.load("mnist", split="train", as_supervised=True, batch_size=${size})
clf = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28, 1)), tf.keras.layers.Dense(10)])
clf.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
clf.fit(train, epochs=2)
`;
    const plan = await planOf(text("100"));
    // The run's steps follow from them (⌈60,000 / 100⌉ × 2); the plan states none of its own.
    assert.deepEqual([plan.samples?.value, plan.batch?.value, plan.epochs?.value, plan.steps?.value], [60000, 100, 2, undefined]);
    assert.equal((await planOf(text("-1"))).batch?.value, undefined);
  });
});
