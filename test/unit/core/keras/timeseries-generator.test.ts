import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// Keras 2's TimeseriesGenerator is a Sequence of windows over a series (src/core/keras/timeseries-generator.ts): a fit
// on it runs len() batches of its batch_size an epoch. A script written for this test.
const script = (generator: string) => `import numpy as np
from tensorflow.keras.preprocessing.sequence import TimeseriesGenerator
from tensorflow.keras.models import Sequential
from tensorflow.keras import layers

readings = np.random.rand(500, 2)
windows = ${generator}

net = Sequential()
net.add(layers.LSTM(8, input_shape=(12, 2)))
net.add(layers.Dense(2))
net.compile(optimizer="adam", loss="mse")
net.fit(windows, epochs=5)
`;

const planOf = async (text: string) => {
  const result = await analyze(text);
  return trainingPlanOf(result, result.models[0]!);
};

describe("Keras' TimeseriesGenerator (src/core/keras/timeseries-generator.ts)", () => {
  it("counts the windows between the first full window and the series' end, in batches of its default 128", async () => {
    // windows end at rows 12..499: 488 of them, in 4 batches (3 of 128 and one of 104).
    const plan = await planOf(script("TimeseriesGenerator(readings, readings, length=12)"));
    assert.equal(plan?.batch?.value, 128);
    assert.equal(plan?.steps?.value, 20);
    assert.equal(plan?.samples?.value, 488);
  });

  it("reads start_index, end_index, stride and batch_size", async () => {
    // windows end at rows 62, 66, ..., 398: 85 of them, 6 batches of 16 (the last of 5).
    const plan = await planOf(script("TimeseriesGenerator(readings, readings, length=12, stride=4, start_index=50, end_index=400, batch_size=16)"));
    assert.equal(plan?.batch?.value, 16);
    assert.equal(plan?.steps?.value, 30);
    assert.equal(plan?.samples?.value, 85);
  });
});
