import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// numpy.expand_dims inserts length-1 axes counted in the result's dimensions (numpy-joins.ts): a loader of another
// module that adds a channel axis to a Keras dataset's images keeps their rows for the fit that trains on them.
const LOADER = `import numpy as np
import tensorflow as tf


class DigitArrays:
    def __init__(self):
        (self.images, self.targets), _ = tf.keras.datasets.mnist.load_data()
        self.images = np.expand_dims(self.images.astype(np.float32) / 255.0, axis=-1)
        self.count = self.images.shape[0]
`;

const SCRIPT = `import tensorflow as tf
from data.arrays import DigitArrays

arrays = DigitArrays()
net = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28, 1)), tf.keras.layers.Dense(10)])
net.compile("adam", "sparse_categorical_crossentropy")
net.fit(arrays.images, arrays.targets, epochs=2, batch_size=40)
`;

describe("numpy.expand_dims", () => {
  it("keeps the rows of an array given a trailing axis in another module's loader", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/data/arrays.py": LOADER } })).training ?? {};
    assert.deepEqual([plan.samples?.value, plan.epochs?.value, plan.batch?.value], [60000, 2, 40]);
  });

  it("puts a leading axis first: the fit then sees one row", async () => {
    const leading = LOADER.replace("axis=-1)", "axis=(0, -1))");
    const plan = (await analyze(SCRIPT, { others: { "/project/data/arrays.py": leading } })).training ?? {};
    assert.equal(plan.samples?.value, 1);
  });
});
