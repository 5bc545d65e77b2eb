import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A notebook plots its history after a fit and rebinds the epochs setting to the plot's x axis
// (`epochs = range(1, len(acc) + 1)`): the fit before reads the count bound where it runs, as with any setting bound
// twice; range() is a plain builtin value (code-sites.ts PLAIN_CALLS).
const NOTEBOOK = `from tensorflow import keras

(x_train, y_train), _ = keras.datasets.mnist.load_data()
epochs = 4
net = keras.Sequential([keras.layers.Flatten(input_shape=(28, 28)), keras.layers.Dense(10, activation="softmax")])
net.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
history = net.fit(x_train, y_train, batch_size=100, epochs=epochs)
loss = history.history["loss"]
epochs = range(1, len(loss) + 1)
`;

describe("a setting rebound to a range after its fit (code-sites.ts reboundSettings)", function () {
  this.timeout(60_000);

  it("reads the fit's epochs as bound where it runs", async () => {
    const result = await analyze(NOTEBOOK);
    assert.equal(result.training?.epochs?.value, 4);
    assert.equal(result.training?.epochs?.detail, "net.fit(epochs=epochs)");
  });

  it("adds a second fit's epochs to the first's", async () => {
    const result = await analyze(NOTEBOOK.replace("loss = history", "net.fit(x_train, y_train, batch_size=100, epochs=2)\nloss = history"));
    assert.equal(result.training?.epochs?.value, 6);
  });
});
