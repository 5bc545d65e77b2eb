import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// take(n) after repeat() without end, on a pipeline bound to a name (src/core/keras/tf-data.ts's endlessTaken): a
// loop over it runs n times and Keras fit walks n batches an epoch, whatever the data's size.
const DATA = `import tensorflow as tf

(pictures, labels), _ = tf.keras.datasets.fashion_mnist.load_data()
net = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28)), tf.keras.layers.Dense(10)])
`;

const LOOP = (chain: string) => `${DATA}
stream = tf.data.Dataset.from_tensor_slices((pictures / 255.0, labels))${chain}
opt = tf.keras.optimizers.SGD(0.1)
ce = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
for step, (xb, yb) in enumerate(stream):
    with tf.GradientTape() as tape:
        loss = ce(yb, net(xb))
    opt.apply_gradients(zip(tape.gradient(loss, net.trainable_variables), net.trainable_variables))
`;

const planOf = async (text: string) => (await analyze(text)).training ?? {};

describe("take(n) after repeat() on a named tf.data pipeline (src/core/keras/tf-data.ts)", () => {
  it("runs a loop over batches taken from data repeated without end n times", async () => {
    const plan = await planOf(LOOP(".shuffle(500).batch(40).repeat().take(700)"));
    assert.deepEqual([plan.steps?.value, plan.batch?.value], [700, 40]);
  });

  it("counts the batches of elements taken before batching", async () => {
    const plan = await planOf(LOOP(".repeat().take(1000).batch(40)"));
    assert.equal(plan.steps?.value, 25);
  });

  it("keeps one pass of the data where nothing repeats it: its samples, and no count of steps stated", async () => {
    const plan = await planOf(LOOP(".batch(40).take(700)"));
    assert.deepEqual([plan.samples?.value, plan.steps?.value], [28000, undefined]);
  });

  it("gives Keras fit n batches an epoch", async () => {
    const text = `${DATA}net.compile("adam", "sparse_categorical_crossentropy")
stream = tf.data.Dataset.from_tensor_slices((pictures, labels)).batch(50).repeat().take(120)
net.fit(stream, epochs=5)
`;
    const plan = await planOf(text);
    assert.deepEqual([plan.steps?.value, plan.batch?.value, plan.epochs?.value], [600, 50, 5]);
  });

  it("keeps the data's rows as the samples of a pipeline repeated without end that steps_per_epoch bounds", async () => {
    const text = `${DATA}net.compile("adam", "sparse_categorical_crossentropy")
stream = tf.data.Dataset.from_tensor_slices((pictures[:3000], labels[:3000])).batch(50).repeat()
net.fit(stream, epochs=4, steps_per_epoch=20)
`;
    const plan = await planOf(text);
    assert.deepEqual([plan.samples?.value, plan.steps?.value, plan.batch?.value], [3000, 80, 50]);
  });
});

