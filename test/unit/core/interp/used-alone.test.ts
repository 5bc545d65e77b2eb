import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";

// A Keras functional model another model's graph calls is that model's component; used alone too (predict, summary),
// it is also a model of its own. Figures by hand: Dense(a -> b) has a*b + b parameters.
describe("models used alone (src/core/interp/used-alone.ts)", () => {
  const program = (use: string) => `
import keras
from keras import layers
from keras.models import Model

decoder_input = keras.Input(shape=(2,))
decoder = Model(decoder_input, layers.Dense(8)(decoder_input))
inp = keras.Input(shape=(8,))
z = layers.Dense(2)(inp)
vae = Model(inp, decoder(z))
${use}
`;

  it("a decoder the program also runs with predict is listed on its own, and the whole model still holds it", async () => {
    const result = await analyze(program("decoded = decoder.predict(z_sample)"));
    assert.equal(modelNamed(result, "decoder").params, 2 * 8 + 8);
    assert.equal(modelNamed(result, "vae").params, 8 * 2 + 2 + 2 * 8 + 8);
  });

  it("a decoder only called inside the other model's graph stays its component", async () => {
    const result = await analyze(program("vae.summary()"));
    assert.deepEqual(result.models.map((m) => m.name), ["vae"]);
  });
});
