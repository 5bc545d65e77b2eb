import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Fits of one name add up only where the name is one model: a builder function's local `model`, fitted there, is
// another model than the module's `model` (training-plan.ts kerasFits, syntax-walk.ts isLocalTo).
const SCRIPT = `import numpy as np
from keras.models import Sequential
from keras.layers import Dense

x = np.zeros((800, 4))
y = np.zeros((800, 1))
model = Sequential()
model.add(Dense(8, input_shape=(4,)))
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(x, y, epochs=30, batch_size=16)

def fit_another(features, targets):
    BINDING
    model.fit(features, targets, epochs=70, batch_size=16)
    return model
`;

describe("Keras fits of one name in different scopes", () => {
  it("does not add a builder function's fit of its own local model to the module model's", async () => {
    const plan = (await analyze(SCRIPT.replace("BINDING", "model = Sequential([Dense(1, input_shape=(4,))])\n    model.compile(loss=\"mse\", optimizer=\"adam\")"))).training ?? {};
    // Before: 100 epochs (30 + 70, "2 fits of model in turn").
    assert.equal(plan.epochs?.value, 30);
  });

  it("still adds a function's fit of the module's own model (a global it does not bind)", async () => {
    const plan = (await analyze(SCRIPT.replace("BINDING", "pass") + "\nfit_another(x, y)\n")).training ?? {};
    assert.equal(plan.epochs?.value, 100);
  });
});
