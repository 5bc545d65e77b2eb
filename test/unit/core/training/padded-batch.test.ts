import { strict as assert } from "node:assert";
import { trainingPlanJson } from "../../../../src/cli/estimate-options";
import { analyze } from "../../helpers/analyze";

// tf.data's `padded_batch(batch_size, padded_shapes, padding_values, drop_remainder)` batches as `batch` does, padding
// each batch's sequences to one length (tensorflow.org/api_docs/python/tf/data/Dataset#padded_batch): a text pipeline
// that fit() takes without a batch_size trains at its batch size, a TFDS split's as well as an array's.
const script = (batching: string): string => `import tensorflow as tf
import tensorflow_datasets as tfds

(reviews, held), about = tfds.load("imdb_reviews", split=["train[:40%]", "test"], as_supervised=True, with_info=True)
reviews = reviews.shuffle(500).${batching}

classifier = tf.keras.Sequential([tf.keras.layers.Embedding(5000, 16), tf.keras.layers.GlobalAveragePooling1D(), tf.keras.layers.Dense(1)])
classifier.compile(optimizer="adam", loss="binary_crossentropy")
classifier.fit(reviews, epochs=4)
`;

const figures = async (batching: string): Promise<number[]> => {
  const json = trainingPlanJson((await analyze(script(batching))).training ?? {}) as { epochs: number; batch: number; samples: number; optimizer_steps: number };
  return [json.epochs, json.batch, json.samples, json.optimizer_steps];
};

describe("tf.data padded_batch", () => {
  it("is the batch fit() trains at, as batch() is", async () => {
    // 10,000 reviews (40% of IMDB's 25,000) in batches of 48: 209 a pass (the last partial), 4 passes.
    assert.deepEqual(await figures("padded_batch(48, padded_shapes=([None], []))"), [4, 48, 10000, 836]);
  });

  it("reads drop_remainder in its fourth place", async () => {
    // padded_batch(batch_size, padded_shapes, padding_values, drop_remainder): 208 whole batches a pass.
    assert.deepEqual(await figures("padded_batch(48, ([None], []), (0, 0), True)"), [4, 48, 10000, 832]);
  });
});
