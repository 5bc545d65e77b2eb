import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Fits of one Keras model in turn on different arrays (all 600 rows, then the 500 after the first 100): each fit
// makes its own epochs × ceil(rows kept / batch) steps, and the run's steps are their sum, not the epochs together
// times the last fit's batches (training-plan.ts kerasFits).
const SCRIPT = `import numpy as np
from tensorflow import keras

x_train = np.zeros((600, 4))
y_train = np.zeros((600, 1))
model = keras.Sequential([keras.layers.Dense(1, input_shape=(4,))])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, batch_size=100, epochs=3)
model.fit(x_train[100:], y_train[100:], batch_size=100, epochs=2)
`;

describe("Keras fits of one model in turn on different arrays", () => {
  it("add each fit's own steps", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs?.value, 5);
    assert.equal(plan.steps?.value, 3 * 6 + 2 * 5);
  });

  it("keeps each fit's validation_split", async () => {
    const plan = (await analyze(SCRIPT.replace("batch_size=100, epochs=3)", "batch_size=100, epochs=3, validation_split=0.5)"))).training ?? {};
    assert.equal(plan.steps?.value, 3 * 3 + 2 * 5);
  });
});
