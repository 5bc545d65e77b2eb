import assert from "node:assert/strict";
import { findingsOf, ofRule } from "./helpers";

// tfmot's quantize_model and prune_low_magnitude raise on a layer they do not know; a layer the analyzer could not
// build (from a package that is not installed) is missing from its report, so the code's own layers decide
// (syntaxLayersBuiltIn, src/core/rules/keras-tfmot.ts).

const tagger = (layer: string) => `from keras.models import Sequential
from keras.layers import Embedding, Bidirectional, LSTM, Dense
from keras_contrib.layers import CRF

model = Sequential()
model.add(Embedding(100, 16))
model.add(Bidirectional(LSTM(8, return_sequences=True)))
crf = ${layer}
model.add(crf)
model.compile("adam", loss="mse")
model.predict([[1, 2, 3]])
`;

describe("GL001: tfmot fixes only for models whose every layer is Keras's own", () => {
  it("a Sequential holding keras-contrib's CRF (not installed) gets TFLite only; with a Dense instead, tfmot too", async () => {
    const kinds = async (text: string) => ofRule(await findingsOf(text), "GL001").flatMap((f) => f.fixes.map((x) => x.kind));
    const crf = await kinds(tagger("CRF(5, sparse_target=True)"));
    assert.ok(crf.includes("tflite-int8"), crf.join(", "));
    assert.ok(!crf.includes("keras-quantize") && !crf.includes("keras-prune"), crf.join(", "));
    const dense = await kinds(tagger("Dense(5)"));
    assert.ok(dense.includes("keras-quantize") && dense.includes("keras-prune"), dense.join(", "));
  });

  it("a layer given in the Sequential list is read too; a nested Keras model still allows pruning only", async () => {
    const text = `import tensorflow as tf
from keras_contrib.layers import CRF

listed = tf.keras.Sequential([tf.keras.layers.Embedding(100, 16), CRF(5)])
listed.predict([[1, 2, 3]])
base = tf.keras.Sequential([tf.keras.layers.Dense(4)])
outer = tf.keras.Sequential([base, tf.keras.layers.Dense(2)])
outer.predict(tf.zeros((1, 3)))
`;
    const findings = ofRule(await findingsOf(text), "GL001");
    const kinds = (v: string) => findings.find((f) => f.message.includes(`'${v}'`))?.fixes.map((x) => x.kind) ?? [];
    assert.deepEqual(kinds("listed").filter((k) => k.startsWith("keras-")), []);
    assert.ok(!kinds("outer").includes("keras-quantize"), kinds("outer").join(", "));
  });
});
