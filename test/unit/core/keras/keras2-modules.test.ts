import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";

// Programs written for Keras 2: its layer submodules, an Embedding with no input_length, the padded data a text model
// is fit on. Figures by hand: Embedding(v, d) v*d parameters; LSTM(h) on d features 4*(h*(d+h)+h) parameters and
// 2*T*4*h*(d+h) FLOPs over T steps; SimpleRNN the same with 1 gate; Dense(a -> b) a*b + b parameters, 2*a*b FLOPs.
describe("Keras 2 modules and text data (src/core/keras/keras2-modules.ts)", () => {
  it("a layer imported from keras.layers.wrappers / keras.layers.recurrent is the keras.layers one", async () => {
    const result = await analyze(`
from keras.models import Sequential
from keras.layers import Dense, Embedding
from keras.layers.wrappers import Bidirectional
from keras.layers.recurrent import LSTM
model = Sequential()
model.add(Embedding(100, 8, input_length=20))
model.add(Bidirectional(LSTM(4)))
model.add(Dense(1))
`);
    const model = modelNamed(result, "model");
    assert.equal(model.params, 100 * 8 + 2 * 4 * (4 * (8 + 4) + 4) + (8 + 1));
    assert.equal(model.complete, true);
  });

  it("a Sequential step that is not a known layer is a gap at its line, not a layer silently left out", async () => {
    const result = await analyze(`
from keras.models import Sequential
from keras.layers import Dense, Embedding
from somewhere_unknown import Fancy
model = Sequential()
model.add(Embedding(100, 8, input_length=20))
model.add(Fancy(4))
model.add(Dense(1))
`);
    const model = modelNamed(result, "model");
    assert.equal(model.complete, false);
    assert.ok(model.unresolved.some((u) => u.line === 7 && /was not built/.test(u.reason)), JSON.stringify(model.unresolved));
  });

  it("an Embedding with no input_length has its parameters; the length is assumed and said", async () => {
    const result = await analyze(`
from keras.models import Sequential
from keras.layers import Embedding, SimpleRNN
model = Sequential()
model.add(Embedding(100, 8))
model.add(SimpleRNN(4))
`);
    const model = modelNamed(result, "model");
    assert.equal(model.params, 100 * 8 + (4 * (8 + 4) + 4));
    assert.ok(model.unresolved.some((u) => /no input_length.*assumed/.test(u.reason)), JSON.stringify(model.unresolved));
  });

  it("the length comes from pad_sequences(maxlen=...) data the model is fit on", async () => {
    const result = await analyze(`
from keras.models import Sequential
from keras.layers import Embedding, LSTM, Dense
from keras.preprocessing import sequence
from keras.datasets import imdb
(x_train, y_train), _ = imdb.load_data(num_words=100)
x_train = sequence.pad_sequences(x_train, maxlen=50)
model = Sequential()
model.add(Embedding(100, 8))
model.add(LSTM(4))
model.add(Dense(1))
model.fit(x_train, y_train, epochs=10)
`);
    const model = modelNamed(result, "model");
    assert.deepEqual(model.inputs[0].shape, [1, 50]);
    assert.equal(model.flops, 2 * 50 * 4 * 4 * (8 + 4) + 2 * 4);
    assert.equal(model.complete, true);
  });
});
