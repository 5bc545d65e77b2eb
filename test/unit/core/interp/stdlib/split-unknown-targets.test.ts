import { strict as assert } from "node:assert";
import { analyze } from "../../../helpers/analyze";

// train_test_split sizes every part from one array of known rows: scikit-learn's check_consistent_length makes all
// arrays share their first dimension, so targets of unknown shape (one-hot encoded by a call the analyzer does not
// model) leave the features' parts known (src/core/interp/stdlib/sklearn-splits.ts). Our own fixture: wine's 178 rows,
// train_size=0.9 keeps floor(160.2) = 160, and validation_split=0.25 leaves int(160 * 0.75) = 120.
const SCRIPT = `import tensorflow as tf
from sklearn.datasets import load_wine
from sklearn.model_selection import train_test_split

wine = load_wine()
features = wine.data
classes = tf.keras.utils.to_categorical(wine.target)
f_train, f_test, c_train, c_test = train_test_split(features, classes, train_size=0.9, random_state=1)
clf = tf.keras.Sequential([tf.keras.layers.Dense(8, input_dim=13), tf.keras.layers.Dense(3, activation="softmax")])
clf.compile("adam", "categorical_crossentropy")
clf.fit(f_train, c_train, epochs=20, batch_size=8, validation_split=0.25)
`;

describe("train_test_split of arrays of which some have an unknown shape", () => {
  it("gives the known arrays' parts their rows", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.samples?.value, plan.batch?.value, plan.epochs?.value], [120, 8, 20]);
  });

  it("leaves the parts unknown when no array's rows are known", async () => {
    const plan = (await analyze(SCRIPT.replace("features = wine.data", "features = tf.keras.utils.to_categorical(wine.data)"))).training ?? {};
    assert.equal(plan.samples, undefined);
  });
});
