import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Two Keras models trained in turn on two keras.datasets loads (a notebook's regression, then its MNIST classifier):
// each fit's samples are the load its array comes from (training-plan.ts, with rebuilt-fit-rows.ts), not the file's
// first load, which both loads' equal rank had kept.
const NOTEBOOK = (images: string) => `from tensorflow import keras
from tensorflow.keras.layers import Dense, Flatten

(features, labels), _ = keras.datasets.boston_housing.load_data()
regressor = keras.Sequential([Dense(8, activation="relu", input_shape=(13,)), Dense(1)])
regressor.compile(optimizer="adam", loss="mse")
regressor.fit(features, labels, epochs=20, batch_size=16, validation_split=0.25)

(images, labels), _ = keras.datasets.mnist.load_data()
${images}
classifier = keras.Sequential([Flatten(input_shape=(28, 28)), Dense(10, activation="softmax")])
classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
classifier.fit(images, labels, epochs=2, batch_size=100)
`;

async function runs(text: string): Promise<[number | undefined, number | undefined]> {
  const result = await analyze(text);
  const index = result.models.findIndex((m) => m.instance === "classifier" || m.name === "classifier");
  const second = result.modelTraining?.find((t) => t.model === index)?.plan;
  return [result.training?.samples?.value, second?.samples?.value];
}

describe("a Keras fit's samples come from the load its array is", () => {
  it("the MNIST classifier trains on MNIST's 60,000 images, the regressor on 303 of boston_housing's 404 rows", async () => {
    assert.deepEqual(await runs(NOTEBOOK("")), [303, 60000]);
  });

  it("likewise where the images are rescaled first (a rebuilt array of the same rows)", async () => {
    assert.deepEqual(await runs(NOTEBOOK("images = images / 255.0")), [303, 60000]);
  });
});
