import { strict as assert } from "node:assert";
import { trainingPlanJson } from "../../../../src/cli/estimate-options";
import { analyze } from "../../helpers/analyze";

// Texts read from files the workspace does not hold, padded by keras' pad_sequences: the array's rows are uncounted (a
// stand-in first dimension of 1). A slice, a permutation or a mask of it selects rows as uncounted, so the training
// part cut from it is the count its slice states, not one row (src/core/interp/unknown-rows.ts).
const script = (shuffle: string): string => `import os
import numpy as np
import tensorflow as tf
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences

notes, marks = [], []
for side in ["bad", "good"]:
    for name in os.listdir(os.path.join("reviews", side)):
        with open(os.path.join("reviews", side, name)) as handle:
            notes.append(handle.read())
        marks.append(int(side == "good"))
words = Tokenizer(num_words=2000)
words.fit_on_texts(notes)
padded = pad_sequences(words.texts_to_sequences(notes), maxlen=60)
marks = np.asarray(marks)
${shuffle}
x_fit, y_fit = padded[:300], marks[:300]

net = tf.keras.Sequential([tf.keras.layers.Embedding(2000, 8, input_length=60), tf.keras.layers.Flatten(), tf.keras.layers.Dense(1, activation="sigmoid")])
net.compile(optimizer="adam", loss="binary_crossentropy")
net.fit(x_fit, y_fit, epochs=6, batch_size=25)
`;

const figures = async (shuffle: string): Promise<number[]> => {
  const json = trainingPlanJson((await analyze(script(shuffle))).training ?? {}) as { samples: number; batch: number; optimizer_steps: number };
  return [json.samples, json.batch, json.optimizer_steps];
};

describe("an array of uncounted rows", () => {
  it("trains on the rows a slice of it states", async () => {
    // 300 rows in batches of 25: 12 a pass, 6 passes.
    assert.deepEqual(await figures(""), [300, 25, 72]);
  });

  it("keeps its rows uncounted through a permutation of its own length", async () => {
    assert.deepEqual(await figures("order = np.arange(padded.shape[0])\nnp.random.shuffle(order)\npadded = padded[order]\nmarks = marks[order]"), [300, 25, 72]);
  });
});
