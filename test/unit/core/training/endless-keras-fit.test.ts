import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Keras fit inside a `while True:` that nothing leaves (a notebook's "train until I stop the kernel" cell) has no
// epoch count: its fit's `epochs=1` is one turn's, not the run's (endless-iteration.ts runsForever, training-plan.ts).
const SCRIPT = `import numpy as np
from keras.models import Sequential
from keras.layers import Dense

X = np.zeros((480, 8))
y = np.zeros((480, 1))
model = Sequential()
model.add(Dense(1, input_shape=(8,)))
model.compile(loss="mse", optimizer="rmsprop")
epoch_no = 0
while True:
    model.fit(X, y, batch_size=48, epochs=1)
    epoch_no += 1
`;

describe("a Keras fit in a while True loop nothing leaves", () => {
  it("states no epochs or steps, keeps the batch and samples, and says why", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.steps, undefined);
    assert.equal(plan.batch?.value, 48);
    assert.equal(plan.samples?.value, 480);
    assert.ok(plan.notes?.some((n) => n.includes("while True")), JSON.stringify(plan.notes));
  });

  it("counts the fit where a break leaves the loop", async () => {
    const plan = (await analyze(SCRIPT.replace("    epoch_no += 1\n", "    epoch_no += 1\n    if epoch_no == 1:\n        break\n"))).training ?? {};
    assert.equal(plan.epochs?.value, 1);
  });
});
