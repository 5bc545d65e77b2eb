import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Keras fit in a function no call of its file reaches gets the note a training loop there gets
// (training-plan.ts with uncalled-functions.ts): the plain run trains nothing.
const SCRIPT = (tail: string) => `import numpy as np
from tensorflow import keras

x = np.random.rand(200, 6)
y = np.random.rand(200, 1)


def regressor(x, y, rounds):
    model = keras.Sequential([keras.layers.Dense(8, input_shape=(6,)), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, epochs=rounds, batch_size=20)
    return model
${tail}`;

const noteOf = async (text: string) => ((await analyze(text)).training?.notes ?? []).find((n) => n.startsWith("skipped by default: "));

describe("a Keras fit in a function no call of the file reaches", function () {
  this.timeout(20_000);
  it("says the plain run trains nothing", async () => {
    assert.match((await noteOf(SCRIPT(""))) ?? "", /the fit at line 11 is in regressor, which no call in this file reaches: `python` with no options trains nothing/);
  });

  it("says nothing where the module calls the function", async () => {
    assert.equal(await noteOf(SCRIPT("\nregressor(x, y, 5)\n")), undefined);
  });
});
