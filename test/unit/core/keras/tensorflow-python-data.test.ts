import { strict as assert } from "node:assert";
import { trainingPlanJson } from "../../../../src/cli/estimate-options";
import { analyze } from "../../helpers/analyze";

// `from tensorflow.python.data import Dataset` (tf.data's own package, tensorflow/python/data/__init__.py) is tf.data:
// the pipeline it builds has the rows it slices and its batch (src/core/keras/modules.ts).
const SCRIPT = `import numpy as np
import tensorflow as tf
from tensorflow.python.data import Dataset

readings = np.zeros((1200, 6), dtype="float32")
levels = np.zeros(1200, dtype="float32")
stream = Dataset.from_tensor_slices((readings, levels)).shuffle(1200).batch(40)

net = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu", input_shape=(6,)), tf.keras.layers.Dense(1)])
net.compile(optimizer="sgd", loss="mse")
net.fit(stream, epochs=3)
`;

describe("tensorflow.python.data", () => {
  it("is tf.data: its Dataset slices rows and batches them", async () => {
    const json = trainingPlanJson((await analyze(SCRIPT)).training ?? {}) as { samples: number; batch: number; optimizer_steps: number };
    // 1,200 rows in batches of 40: 30 a pass, 3 passes.
    assert.deepEqual([json.samples, json.batch, json.optimizer_steps], [1200, 40, 90]);
  });
});
