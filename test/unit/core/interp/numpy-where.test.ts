import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// numpy.where(condition, x, y) picks element-wise between x and y: an array of the three's broadcast shape, so a
// series built with it keeps its length (numpy-arrays.ts).
const SCRIPT = (built: string) => `import numpy as np
from keras.models import Sequential
from keras.layers import Dense

steps = np.arange(730, dtype="float32")
phase = (steps % 365) / 365
level = ${built}
rows = np.stack([level, phase], axis=1)
net = Sequential()
net.add(Dense(1, input_shape=(2,)))
net.compile(loss="mse", optimizer="sgd")
net.fit(rows, level, batch_size=73, epochs=3)
`;

describe("numpy.where with x and y (numpy-arrays.ts)", function () {
  this.timeout(20_000);
  it("keeps the broadcast shape of its condition and its two choices", async () => {
    assert.equal((await analyze(SCRIPT("np.where(phase < 0.4, np.cos(phase * 2 * np.pi), 1 / np.exp(3 * phase))"))).training?.samples?.value, 730);
  });

  it("broadcasts a number against an array", async () => {
    assert.equal((await analyze(SCRIPT("np.where(phase > 0.5, phase, 0.0)"))).training?.samples?.value, 730);
  });
});
