import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A fit of what a module function returns, where one of its returns builds a scikit-learn estimator, is that
// estimator's fit, no Keras run (sklearn-wrapper.ts returnsEstimator).
const SCRIPT = `import os
import pickle
import numpy as np
import tensorflow as tf
from sklearn import svm

STORE = "clf.pkl"

def embedder():
    return tf.keras.Sequential([tf.keras.layers.Dense(16, input_shape=(8,))])

def get_clf():
    if os.path.exists(STORE):
        with open(STORE, "rb") as fh:
            return pickle.load(fh)
    return svm.SVC(C=2.0)

def enroll(rows, tags):
    feats = embedder().predict(rows)
    clf = get_clf()
    clf.fit(feats, tags)
    with open(STORE, "wb") as fh:
        pickle.dump(clf, fh)

enroll(np.random.rand(40, 8), np.arange(40) % 3)
`;

describe("a fit of an estimator a module function returns", () => {
  it("reads no Keras run in it", async () => {
    const plan = (await analyze(SCRIPT)).training;
    assert.deepEqual([plan?.epochs, plan?.batch], [undefined, undefined]);
  });

  it("still reads a Keras fit of a model a function returns", async () => {
    const keras = SCRIPT.replace("    clf = get_clf()\n    clf.fit(feats, tags)\n", "    net = embedder()\n    net.compile('adam', 'mse')\n    net.fit(rows, feats, epochs=3)\n");
    const plan = (await analyze(keras)).training ?? {};
    assert.equal(plan.epochs?.value, 3);
  });
});
