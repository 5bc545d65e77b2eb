import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { perTurnFitSteps } from "../../../../src/core/keras/fit-per-turn";

// A Keras fit once per item of a loop that sets its batch_size or validation_split (src/core/keras/fit-per-turn.ts):
// the run's steps are each turn's own, summed.
const SCRIPT = (loop: string, fit: string) => `import numpy as np
import tensorflow as tf

features = np.zeros((1200, 8), dtype=np.float32)
targets = np.zeros((1200,), dtype=np.float32)
for ${loop}:
    net = tf.keras.Sequential([tf.keras.layers.Dense(4, input_shape=(8,)), tf.keras.layers.Dense(1)])
    net.compile(optimizer="adam", loss="mse")
    net.fit(features, targets, ${fit})
`;

const stepsOf = async (text: string) => (await analyze(text)).training?.steps?.value;

describe("a Keras fit once per item of a loop setting its batch or held-out share (src/core/keras/fit-per-turn.ts)", () => {
  it("sums each batch size's steps", async () => {
    // 2 epochs × (⌈1200/10⌉ + ⌈1200/100⌉ + ⌈1200/1000⌉) = 2 × (120 + 12 + 2)
    assert.equal(await stepsOf(SCRIPT("size in [10, 100, 1000]", "batch_size=size, epochs=2")), 268);
  });

  it("sums each held-out share's steps, with fit's own batch and Keras' truncated split", async () => {
    // 3 epochs × (⌈900/50⌉ + ⌈600/50⌉): int(1200 × 0.75) = 900, int(1200 × 0.5) = 600
    assert.equal(await stepsOf(SCRIPT("share in [0.25, 0.5]", "validation_split=share, batch_size=50, epochs=3")), 90);
  });

  it("states no steps where the loop sets neither", async () => {
    assert.equal(await stepsOf(SCRIPT("size in [10, 100, 1000]", "batch_size=25, epochs=2")), undefined);
  });

  it("gives up on an item that is not a number of its kind", () => {
    assert.equal(perTurnFitSteps([{ kind: "int", value: 8 }, { kind: "str", value: "8" }], "batch", 100, 1, 32, 0), undefined);
    assert.equal(perTurnFitSteps([{ kind: "int", value: 8 }], "batch", 100, 1, 32, 0.5), 7);
  });
});
