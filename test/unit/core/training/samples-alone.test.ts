import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// A file that loads a dataset beside a compiled model and never trains it states no run: the dataset's size is no
// run's samples (src/core/training/samples-alone.ts). A script written for this test.
const script = (last: string) => `from tensorflow.keras.datasets import fashion_mnist
from tensorflow.keras import layers, models

(x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()
x_test = x_test.astype("float32") / 255

net = models.Sequential()
net.add(layers.Flatten(input_shape=(28, 28)))
net.add(layers.Dense(10, activation="softmax"))
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
net.load_weights("saved.weights.h5")
${last}
`;

const planOf = async (text: string) => {
  const result = await analyze(text);
  return trainingPlanOf(result, result.models[0]!);
};

describe("a dataset loaded in a file that trains nothing (samples-alone.ts)", () => {
  it("gives no samples where the model is only evaluated", async () => {
    const plan = await planOf(script("print(net.evaluate(x_test, y_test))"));
    assert.equal(plan?.samples, undefined);
  });

  it("keeps the load's samples where the file fits the model", async () => {
    const plan = await planOf(script("net.fit(x_train, y_train, epochs=2)"));
    assert.equal(plan?.samples?.value, 60000);
  });
});
