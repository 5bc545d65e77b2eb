import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// random's numbers (src/core/interp/stdlib/environment.ts, operators.ts): their values are not known, but each is one
// Python number, so a list filled with them in a counted loop has that many rows, as an array or as fit's x.
const SCRIPT = (item: string, feed: string) => `import random
import numpy as np
import tensorflow as tf

def noisy_line(count=50):
    inputs, targets = [], []
    for _ in range(count):
        u = random.uniform(-1.0, 1.0)
        inputs.append(${item})
        targets.append(3.0 * u + random.gauss(0.0, 0.1))
    return ${feed}

xs, ys = noisy_line(count=240)
net = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(1,))])
net.compile(optimizer="sgd", loss="mse")
net.fit(xs, ys, epochs=4, batch_size=16)
`;

const samplesOf = async (text: string) => (await analyze(text)).training?.samples?.value;

describe("random's numbers in lists of known length (src/core/interp/stdlib/environment.ts)", () => {
  it("counts the rows of an array built from a list of random numbers", async () => {
    assert.equal(await samplesOf(SCRIPT("2.0 * u - 1", "np.array(inputs), np.array(targets)")), 240);
  });

  it("counts a plain list of numbers given to fit as one input of that many rows", async () => {
    assert.equal(await samplesOf(SCRIPT("u", "inputs, targets")), 240);
  });

  it("does not take an array times a random number for a number: its rows stay unknown", async () => {
    assert.equal(await samplesOf(SCRIPT("np.ones((2,)) * u", "np.array(inputs), np.array(targets)")), undefined);
    assert.equal(await samplesOf(SCRIPT("np.ones((2,)) * u", "inputs, targets")), undefined);
  });
});
