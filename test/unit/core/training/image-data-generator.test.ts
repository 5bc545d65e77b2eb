import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Keras' ImageDataGenerator (src/core/keras/image-data-generator.ts): its fit computes statistics and trains nothing;
// its flow(x, ...) given to a model's fit walks x's rows an epoch, or the part a subset keeps of them.
const SCRIPT = `import os
import numpy as np
from tensorflow import keras
from tensorflow.keras.preprocessing.image import ImageDataGenerator

pictures = np.zeros((2400, 32, 32, 3), dtype="float32")
kinds = np.zeros((2400, 10), dtype="float32")
net = keras.Sequential([keras.layers.Flatten(input_shape=(32, 32, 3)), keras.layers.Dense(10, activation="softmax")])
net.compile(optimizer="adam", loss="categorical_crossentropy")

augment = ImageDataGenerator(featurewise_center=True, featurewise_std_normalization=True, horizontal_flip=True)
augment.fit(pictures)
rounds = int(os.environ["ROUNDS"])
net.fit(augment.flow(pictures, kinds, batch_size=48), epochs=rounds)
`;

describe("Keras' ImageDataGenerator", () => {
  it("is no model's fit where it computes its statistics: the run's epochs stay the model fit's, unknown here", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs, undefined);
    assert.deepEqual([plan.batch?.value, plan.samples?.value], [48, 2400]);
  });

  it("walks the rows its training subset keeps, less the generator's validation_split", async () => {
    const split = SCRIPT.replace("horizontal_flip=True)", "horizontal_flip=True, validation_split=0.25)")
      .replace("batch_size=48)", 'batch_size=48, subset="training")').replace("epochs=rounds", "epochs=5");
    const plan = (await analyze(split)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value], [5, 1800]);
  });

  it("cuts a known dataset's training split by the subset", async () => {
    const cifar = SCRIPT.replace(/pictures = np.zeros[^\n]*\nkinds = [^\n]*\n/, "(pictures, kinds), _ = keras.datasets.cifar10.load_data()\n")
      .replace("horizontal_flip=True)", "horizontal_flip=True, validation_split=0.2)")
      .replace("batch_size=48)", 'batch_size=48, subset="training")').replace("epochs=rounds", "epochs=2");
    const plan = (await analyze(cifar)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value], [2, 40000]);
  });
});
