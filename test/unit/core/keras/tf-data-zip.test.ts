import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Features and labels sliced into two datasets and zipped before batching.
const SCRIPT = `import numpy as np
import tensorflow as tf
inputs = tf.data.Dataset.from_tensor_slices(np.random.rand(640, 5).astype("float32"))
answers = tf.data.Dataset.from_tensor_slices(np.random.rand(LABELS, 1).astype("float32"))
pairs = ZIP.shuffle(64).batch(40)
reg = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(5,))])
reg.compile(optimizer="sgd", loss="mse")
reg.fit(pairs, epochs=3)
`;

describe("tf.data.Dataset.zip", () => {
  it("yields until its shortest dataset ends", async () => {
    for (const [labels, zip, samples] of [["640", "tf.data.Dataset.zip((inputs, answers))", 640], ["600", "tf.data.Dataset.zip((inputs, answers))", 600], ["640", "tf.data.Dataset.zip(inputs, answers)", 640]] as const) {
      const plan = (await analyze(SCRIPT.replace("LABELS", labels).replace("ZIP", zip))).training ?? {};
      assert.equal(plan.samples?.value, samples, zip);
      assert.equal(plan.batch?.value, 40, zip);
    }
  });

  it("has no count where a zipped dataset's is not known", async () => {
    const plan = (await analyze(SCRIPT.replace("LABELS", "640").replace("ZIP", "tf.data.Dataset.zip((inputs, answers.filter(lambda y: y[0] > 0.5)))"))).training ?? {};
    assert.equal(plan.samples, undefined);
  });
});
