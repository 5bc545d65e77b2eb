import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Keras mixed-precision policy set as a Policy object, in TF 2.1-2.3's experimental API and in TF 2.4's.
const SCRIPT = `import tensorflow as tf
from tensorflow.keras.mixed_precision import experimental as mixed_precision

policy = mixed_precision.Policy('mixed_float16')
mixed_precision.set_policy(policy)
(x_train, y_train), _ = tf.keras.datasets.mnist.load_data()
model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28)), tf.keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=3, batch_size=64)
`;

describe("Keras mixed-precision Policy objects", () => {
  it("reads a Policy('mixed_float16') set with the experimental set_policy as fp16", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.precision?.value, "fp16");
  });

  it("reads TF 2.4's set_global_policy(Policy(...)), and a float32 policy as no mixed precision", async () => {
    const current = SCRIPT.replace("from tensorflow.keras.mixed_precision import experimental as mixed_precision", "from tensorflow.keras import mixed_precision").replace("mixed_precision.set_policy(policy)", "mixed_precision.set_global_policy(policy)");
    assert.equal((await analyze(current.replace("'mixed_float16'", "'mixed_bfloat16'"))).training?.precision?.value, "bf16");
    assert.notEqual((await analyze(current.replace("'mixed_float16'", "'float32'"))).training?.precision?.value, "fp16");
  });
});
