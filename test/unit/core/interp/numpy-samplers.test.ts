import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// numpy.random's legacy samplers give an array of their `size` (src/core/interp/numpy-arrays.ts).
const SCRIPT = `import numpy as np
from tensorflow import keras

rows = 30000
signal = np.random.beta(0.5, 1, size=(rows, 12, 1))
counts = np.random.poisson(3.0, (rows, 1))
net = keras.Sequential([keras.layers.LSTM(16, input_shape=(12, 1)), keras.layers.Dense(1)])
net.compile("adam", "mse")
net.fit(signal, counts, epochs=2, batch_size=300, validation_split=0.1)
`;

describe("numpy.random's samplers", () => {
  it("give arrays of the size they are asked for, after the distribution's own parameters", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.samples?.value, plan.batch?.value], [27000, 300]);
  });

  it("read size by keyword or by position for one-parameter distributions", async () => {
    const byPosition = (await analyze(SCRIPT.replace("np.random.beta(0.5, 1, size=(rows, 12, 1))", "np.random.exponential(1.0, (rows, 12, 1))"))).training ?? {};
    assert.equal(byPosition.samples?.value, 27000);
  });
});
