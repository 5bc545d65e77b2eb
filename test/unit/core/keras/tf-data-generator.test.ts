import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Synthetic rows from a Python generator, made a tf.data pipeline by from_generator and fitted.
const SCRIPT = `import numpy as np
import tensorflow as tf

def rows_of(count):
    for i in range(count):
        yield np.random.rand(6).astype(np.float32), np.int32(i % 3)

def synthetic(count):
    def rows():
        yield from rows_of(count)
    return rows

pipeline = tf.data.Dataset.from_generator(SOURCE, output_types=(tf.float32, tf.int32), output_shapes=((6,), ()))
pipeline = pipeline.shuffle(64).batch(25)
clf = tf.keras.Sequential([tf.keras.layers.Dense(3, input_shape=(6,))])
clf.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
clf.fit(pipeline, epochs=3)
`;

describe("tf.data.Dataset.from_generator (tf-data-generator.ts)", () => {
  it("has one element a yield of the generator, called with its args", async () => {
    for (const source of ["synthetic(410)", "rows_of, args=(410,)"]) {
      const plan = (await analyze(SCRIPT.replace("SOURCE", source))).training ?? {};
      assert.equal(plan.samples?.value, 410, source);
      assert.equal(plan.batch?.value, 25, source);
    }
  });

  it("has no count for an endless generator", async () => {
    const endless = SCRIPT.replace("for i in range(count):", "i = 0\n    while True:\n        i += 1").replace("SOURCE", "synthetic(410)");
    const plan = (await analyze(endless)).training ?? {};
    assert.equal(plan.samples, undefined);
  });
});
