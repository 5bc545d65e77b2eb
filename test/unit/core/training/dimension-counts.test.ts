import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { countUsedAsDimension } from "../../../../src/core/training/dimension-counts";

// A count named for steps that sizes an axis is a window length, not the run's steps (dimension-counts.ts).
const WINDOWED = `import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

series = np.sin(np.arange(120) / 10.0)
n_steps = 4
X = np.array([series[i:i + n_steps] for i in range(len(series) - n_steps)])
y = series[n_steps:]
X = X.reshape((X.shape[0], n_steps, 1))
model = keras.Sequential([layers.LSTM(16, input_shape=(n_steps, 1)), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=30, verbose=0)
`;

describe("a steps-named count that sizes an axis", () => {
  it("is no step count of the run: the fit's epochs make the run", async () => {
    const plan = (await analyze(WINDOWED)).training ?? {};
    assert.equal(plan.steps, undefined);
    assert.equal(plan.epochs?.value, 30);
  });

  it("still counts where it bounds a loop or is passed as steps", () => {
    assert.equal(countUsedAsDimension("n_steps", "x = x.reshape((8, n_steps))\n"), true);
    assert.equal(countUsedAsDimension("n_steps", "x = x.reshape(len(x), n_steps, 1)\n"), true);
    assert.equal(countUsedAsDimension("n_steps", "x = x.reshape((8, n_steps))\nfor s in range(n_steps):\n    opt.step()\n"), false);
    assert.equal(countUsedAsDimension("n_steps", "inp = Input(shape=(n_steps, 1))\nrun(steps=n_steps)\n"), false);
    assert.equal(countUsedAsDimension("n_steps", "for s in range(n_steps):\n    opt.step()\n"), false);
  });
});
