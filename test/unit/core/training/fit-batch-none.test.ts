import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Keras fit's `batch_size=None` on arrays is its default 32 (training-plan.ts's fit branch).
const SCRIPT = `import tensorflow as tf

(pictures, classes), _ = tf.keras.datasets.cifar10.load_data()
net = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(32, 32, 3)), tf.keras.layers.Dense(10)])
net.compile("sgd", "sparse_categorical_crossentropy")
net.fit(pictures / 255.0, classes, epochs=3, batch_size=None)
`;

describe("Keras fit with batch_size=None", () => {
  it("takes fit's default batch of 32 for arrays", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.epochs?.value, plan.samples?.value], [32, 3, 50000]);
  });
});
