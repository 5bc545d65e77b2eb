import { strict as assert } from "node:assert";
import { trainingPlanJson } from "../../../../src/cli/estimate-options";
import { analyze } from "../../helpers/analyze";

// A tf.data pipeline batched twice (src/core/keras/tf-data.ts): the first batch makes the elements (sequences of
// characters), the second groups them into the training batch, as a character model's text pipeline does.
const SCRIPT = `import numpy as np
import tensorflow as tf

codes = np.zeros(52000, dtype="int64")
chars = tf.data.Dataset.from_tensor_slices(codes)
chunks = chars.batch(51, drop_remainder=True)

def shift(chunk):
    return chunk[:-1], chunk[1:]

pairs = chunks.map(shift)
train = pairs.shuffle(1000).batch(16, drop_remainder=True)

net = tf.keras.Sequential([tf.keras.layers.Embedding(80, 32), tf.keras.layers.GRU(64, return_sequences=True), tf.keras.layers.Dense(80)])
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
net.fit(train, epochs=5)
`;

describe("a tf.data pipeline batched twice", () => {
  it("trains on the outer batch, of the inner batches as elements", async () => {
    const json = trainingPlanJson((await analyze(SCRIPT)).training ?? {}) as { epochs: number; batch: number; samples: number; optimizer_steps: number };
    // 52,000 codes in chunks of 51 (the last dropped): 1,019 sequences, in batches of 16 (the last dropped): 63 a pass.
    assert.deepEqual([json.epochs, json.batch, json.samples, json.optimizer_steps], [5, 16, 1019, 315]);
  });
});
