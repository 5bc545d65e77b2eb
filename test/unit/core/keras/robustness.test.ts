import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// Odd and wrong Keras code: the analyzer answers with notes, never throws, never hangs.
const SNIPPETS = [
  "model = keras.Sequential([1, 2])",
  "model = keras.Sequential(layers.Dense)",
  "model = keras.Model(inputs=3, outputs=4)",
  "x = keras.Input()\nmodel = keras.Model(x, x)",
  "i = keras.Input(shape=(4,))\nmodel = keras.Model(i, layers.Dense(-1)(i))",
  "i = keras.Input(shape=(4, 4, 3))\nmodel = keras.Model(i, layers.Conv2D(2, 3, padding='bogus')(i))",
  "i = keras.Input(shape=(4,))\nmodel = keras.Model(i, layers.Activation('nope')(i))",
  "i = keras.Input(shape=(4,))\nmodel = keras.Model(i, layers.concatenate(i))",
  "i = keras.Input(shape=(4,))\nmodel = keras.Model(i, layers.LSTM(3)(i))",
  "i = keras.Input(shape=(4,))\nmodel = keras.Model(i, layers.Reshape((3, -1))(i))",
  "i = keras.Input(shape=(5, 4))\nmodel = keras.Model(i, layers.Bidirectional(3)(i))",
  "i = keras.Input(shape=(5, 4))\nmodel = keras.Model(i, layers.MultiHeadAttention(2, 4)(i))",
  "model = keras.Sequential()\nmodel.pop()",
  "model = keras.Sequential([layers.Dense(3)])\nmodel.build(unknown_name)",
  "class M(keras.Model):\n    def call(self, x):\n        return self.missing(x)\nmodel = M()\nmodel.build((None, 3))",
  "class L(layers.Layer):\n    def build(self, shape):\n        self.w = self.add_weight(shape=shape)\n    def call(self, x):\n        return x @ self.w\ni = keras.Input(shape=(3,))\nmodel = keras.Model(i, L()(i))",
];

describe("Keras robustness", () => {
  for (const snippet of SNIPPETS) {
    it(`answers for: ${snippet.split("\n").join(" | ").slice(0, 80)}`, async () => {
      const result = await analyze(`import keras\nfrom keras import layers\n${snippet}\n`);
      for (const m of result.models) {
        assert.ok(Number.isFinite(m.params) && Number.isFinite(m.flops));
        if (m.flops === 0 && m.params === 0) assert.equal(m.complete, false, "an empty answer says it is incomplete");
      }
    });
  }
});
