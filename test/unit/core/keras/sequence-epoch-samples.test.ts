import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// An epoch of a keras.utils.Sequence walks items 0 to len() - 1: its samples are the full batches and the rows of the
// last, which may be short (sequenceEpochSamples, src/core/keras/sequence-item-rows.ts). A script written for this test.
const script = (rows: number) => `import math
import numpy as np
from tensorflow import keras

class Pages(keras.utils.Sequence):
    def __init__(self, x, y, batch_size):
        self.x, self.y = x, y
        self.batch_size = batch_size

    def __len__(self):
        return math.ceil(len(self.x) / self.batch_size)

    def __getitem__(self, i):
        part = slice(i * self.batch_size, (i + 1) * self.batch_size)
        return self.x[part], self.y[part]

net = keras.Sequential([keras.layers.Dense(4, activation="relu", input_shape=(6,)), keras.layers.Dense(1)])
net.compile(optimizer="sgd", loss="mse")
net.fit(Pages(np.zeros((${rows}, 6)), np.zeros((${rows}, 1)), 64), epochs=3)
`;

const planOf = async (text: string) => {
  const result = await analyze(text);
  return trainingPlanOf(result, result.models[0]!);
};

describe("the samples an epoch of a Sequence yields (sequenceEpochSamples)", () => {
  it("counts the short last batch's own rows", async () => {
    const plan = await planOf(script(300));
    assert.equal(plan?.steps?.value, 15);
    assert.equal(plan?.samples?.value, 300);
    assert.match(plan?.samples?.detail ?? "", /the last of 44/);
  });

  it("counts whole batches where the last is full", async () => {
    assert.equal((await planOf(script(320)))?.samples?.value, 320);
  });
});
