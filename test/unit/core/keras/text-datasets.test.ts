import { strict as assert } from "node:assert";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { analyze } from "../../helpers/analyze";

// keras.datasets' text sets as lists of sequences whose count is known (src/core/keras/text-datasets.ts): a script
// that one-hot encodes them itself and holds rows out fits on the rows it keeps. Scripts written for this test.
const script = (load: string, heldOut: number) => `import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
${load}

def one_hot_rows(seqs, width=5000):
    out = np.zeros((len(seqs), width))
    for row, seq in enumerate(seqs):
        out[row, seq] = 1.0
    return out

x, x_test = one_hot_rows(texts), one_hot_rows(test_texts)
y = np.asarray(labels).astype("float32")
net = keras.Sequential([layers.Dense(16, activation="relu", input_shape=(5000,)), layers.Dense(1, activation="sigmoid")])
net.compile(optimizer="rmsprop", loss="binary_crossentropy")
x_part, y_part = x[${heldOut}:], y[${heldOut}:]
net.fit(x_part, y_part, epochs=3, batch_size=256)
`;

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

describe("keras.datasets text sets (text-datasets.ts)", function () {
  this.timeout(30_000);
  it("imdb's 25,000 training reviews less the rows held out", async () => {
    const plan = await planOf(script("(texts, labels), (test_texts, test_labels) = keras.datasets.imdb.load_data(num_words=5000)", 5000));
    assert.equal(plan.samples?.value, 20000);
  });

  it("reuters' training part by its test_split, less the rows held out", async () => {
    const plan = await planOf(script("(texts, labels), (test_texts, _) = keras.datasets.reuters.load_data(num_words=5000, test_split=0.25)", 1000));
    assert.equal(plan.samples?.value, 7421);
  });
});
