import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { afterAllTraining } from "../../../../src/core/training/after-training";

// A batch size set after the whole run (src/core/training/after-training.ts afterAllTraining): an export's
// `BATCH_SIZE = 1` or a converter's `.batch(1)` after the last fit feeds no step of it.
const SCRIPT = (after: string) => `import tensorflow as tf

(pictures, labels), _ = tf.keras.datasets.mnist.load_data()
net = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28)), tf.keras.layers.Dense(10)])
net.compile("adam", "sparse_categorical_crossentropy")
net.fit(pictures / 255.0, labels, epochs=2)
${after}
`;

const EXPORT = `BATCH_SIZE = 1
signature = tf.TensorSpec([BATCH_SIZE, 28, 28], tf.float32)
calibration = tf.data.Dataset.from_tensor_slices(pictures[:100]).batch(1)
`;

const planOf = async (text: string) => (await analyze(text)).training ?? {};

describe("a batch size set after the whole run (src/core/training/after-training.ts)", () => {
  it("keeps fit's batch where an export sets BATCH_SIZE and a .batch(1) after the last fit", async () => {
    const plan = await planOf(SCRIPT(EXPORT));
    assert.deepEqual([plan.batch?.value, plan.epochs?.value], [32, 2]);
  });

  it("reads the constant where a later fit may take it", async () => {
    const plan = await planOf(SCRIPT(`BATCH_SIZE = 8\nnet.fit(pictures / 255.0, labels, epochs=1, batch_size=BATCH_SIZE)`));
    assert.equal(plan.batch?.value, 8);
  });

  it("tells a place after every training call from one before, or in another function, or in a file with hand-written updates", () => {
    const text = SCRIPT(EXPORT);
    const fitEnd = text.indexOf("epochs=2)") + "epochs=2)".length;
    const calls = [{ end: fitEnd }];
    const constant = text.indexOf("BATCH_SIZE = 1");
    assert.equal(afterAllTraining(constant, undefined, calls, text), true);
    assert.equal(afterAllTraining(fitEnd - 20, undefined, calls, text), false);
    assert.equal(afterAllTraining(constant, undefined, [], text), false);
    assert.equal(afterAllTraining(constant, undefined, calls, `${text}\nopt.apply_gradients(zip(g, v))\n`), false);
  });
});
