import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A project written for these tests: the model's module sets Keras' global mixed-precision policy on import, and the
// script that imports it fits the model with no policy of its own.
const MODEL = (policy: string) => `import keras
from keras import layers, mixed_precision

${policy}


class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.flat = layers.Flatten()
        self.out = layers.Dense(10, dtype="float32")

    def call(self, x):
        return self.out(self.flat(x))
`;

const SCRIPT = `import keras
from models.net import Net

(x_train, y_train), _ = keras.datasets.mnist.load_data()
model = Net()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=2, batch_size=100)
`;

const planWith = async (policy: string, script = SCRIPT) => (await analyze(script, { others: { "/project/models/net.py": MODEL(policy), "/project/models/__init__.py": "" } })).training ?? {};

describe("a Keras policy set by an imported module", () => {
  it("trains in the mixed policy the model's module sets at its top level", async () => {
    const plan = await planWith('mixed_precision.set_global_policy("mixed_float16")');
    assert.equal(plan.precision?.value, "fp16");
    assert.match(plan.precision?.detail ?? "", /models\.net/);
    assert.equal((await planWith('POLICY = mixed_precision.Policy("mixed_bfloat16")\nmixed_precision.set_global_policy(POLICY)')).precision?.value, "bf16");
  });

  it("reads no policy from a module's __main__ block, a float32 policy, or where the script sets its own", async () => {
    assert.equal((await planWith('if __name__ == "__main__":\n    mixed_precision.set_global_policy("mixed_float16")')).precision?.value, undefined);
    assert.equal((await planWith('mixed_precision.set_global_policy("float32")')).precision?.value, undefined);
    const own = SCRIPT.replace("import keras\n", 'import keras\nkeras.mixed_precision.set_global_policy("mixed_bfloat16")\n');
    assert.equal((await planWith('mixed_precision.set_global_policy("mixed_float16")', own)).precision?.value, "bf16");
  });
});
