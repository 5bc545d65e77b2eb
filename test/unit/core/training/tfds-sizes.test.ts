import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { tfdsTrainSamples } from "../../../../src/core/training/tfds-sizes";

// TensorFlow Datasets' training splits (src/core/training/tfds-sizes.ts) and the plan that reads tfds.load.
describe("TensorFlow Datasets' splits (src/core/training/tfds-sizes.ts)", () => {
  it("gives the catalog's training size, of a configuration too, and slices it as tfds does", () => {
    assert.equal(tfdsTrainSamples("mnist", undefined)?.value, 60000);
    assert.equal(tfdsTrainSamples("imagenet_resized/64x64", "train")?.value, 1281167);
    // Percent boundaries round to the closest example: 90% of 23,262 is 20,935.8.
    assert.equal(tfdsTrainSamples("cats_vs_dogs", "train[:90%]")?.value, 20936);
    assert.equal(tfdsTrainSamples("cats_vs_dogs", "train[90%:]")?.value, 23262 - 20936);
    assert.equal(tfdsTrainSamples("cifar10", "train[1000:]")?.value, 49000);
    assert.equal(tfdsTrainSamples("cifar10", "train[:-10000]")?.value, 40000);
    assert.equal(tfdsTrainSamples("cifar10", "test"), undefined);
    assert.equal(tfdsTrainSamples("some_unknown_set", "train"), undefined);
  });

  it("sizes a configuration the table sizes apart by its own count, the dataset's default by the dataset's", () => {
    // wine_quality's default configuration is "white" (4,898 wines); "red" holds 1,599.
    assert.equal(tfdsTrainSamples("wine_quality", "train")?.value, 4898);
    assert.equal(tfdsTrainSamples("wine_quality/red", "train")?.value, 1599);
    assert.equal(tfdsTrainSamples("wine_quality/red:1.0.0", "train[:50%]")?.value, 800);
    assert.equal(tfdsTrainSamples("wine_quality/white", undefined)?.value, 4898);
  });

  const SCRIPT = (load: string, policy: string) => `import tensorflow as tf
import tensorflow_datasets as datasets
from absl import app, flags
from tensorflow import keras

flags.DEFINE_integer("epochs", 3, "epochs")
flags.DEFINE_string("policy", "${policy}", "mixed precision policy")
FLAGS = flags.FLAGS

def main(_):
    keras.mixed_precision.set_dtype_policy(FLAGS.policy)
    train, held = ${load}
    train = train.shuffle(1000).batch(50)
    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10)])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(train, validation_data=held, epochs=FLAGS.epochs)

if __name__ == "__main__":
    app.run(main)
`;

  it("tfds.load's first split is the training data, and an absl flag's default sets Keras 3's dtype policy", async () => {
    const plan = (await analyze(SCRIPT(`datasets.load("mnist", split=["train[:80%]", "train[80%:]"], as_supervised=True)`, "mixed_bfloat16"))).training ?? {};
    assert.equal(plan.samples?.value, 48000);
    assert.equal(plan.batch?.value, 50);
    assert.equal(plan.precision?.value, "bf16");
    const whole = (await analyze(SCRIPT(`datasets.load("fashion_mnist", split=("train", "test"), as_supervised=True)`, "float32"))).training ?? {};
    assert.equal(whole.samples?.value, 60000);
    assert.equal(whole.precision, undefined);
  });
});
