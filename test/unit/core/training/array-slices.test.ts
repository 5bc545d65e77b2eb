import { strict as assert } from "node:assert";
import { sliceLength } from "../../../../src/core/training/array-slices";
import { analyze } from "../../helpers/analyze";

// A Keras fit on rows sliced from a loaded dataset's arrays trains on the slice's rows (src/core/training/array-slices.ts).
describe("training arrays sliced from a loaded dataset", () => {
  it("counts a slice as Python does: bounds from the end, past the end, and empty", () => {
    assert.equal(sliceLength(60000, 5000, undefined), 55000);
    assert.equal(sliceLength(60000, undefined, 5000), 5000);
    assert.equal(sliceLength(60000, -10000, undefined), 10000);
    assert.equal(sliceLength(100, 20, 500), 80);
    assert.equal(sliceLength(100, 80, 20), 0);
  });

  it("a fit on the rows after a validation cut trains on those rows", async () => {
    const plan = (await analyze(`from tensorflow import keras

(X_train_full, y_train_full), (X_test, y_test) = keras.datasets.fashion_mnist.load_data()
X_valid, X_train = X_train_full[:5000] / 255., X_train_full[5000:] / 255.
y_valid, y_train = y_train_full[:5000], y_train_full[5000:]
model = keras.models.Sequential([keras.layers.Flatten(input_shape=[28, 28]), keras.layers.Dense(10, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy", optimizer="sgd")
model.fit(X_train, y_train, epochs=30, validation_data=(X_valid, y_valid))
`)).training ?? {};
    assert.equal(plan.samples?.value, 55000);
    assert.match(plan.samples?.detail ?? "", /X_train_full\[5000:\]/);
  });

  it("a slice the fit does not train on leaves the dataset's rows", async () => {
    const plan = (await analyze(`from tensorflow import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_small = x_train[:1000]
model = keras.models.Sequential([keras.layers.Flatten(input_shape=[28, 28]), keras.layers.Dense(10)])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(x_train, y_train, epochs=2, batch_size=100)
`)).training ?? {};
    assert.equal(plan.samples?.value, 60000);
  });
});
