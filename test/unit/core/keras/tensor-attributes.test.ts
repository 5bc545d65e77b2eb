import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

describe("Keras' own tensor attributes (src/core/keras/tensor-attributes.ts)", () => {
  it("reads Keras 2's _keras_shape of a layer output as its static shape (a squeeze-excite block's channels)", async () => {
    const m = await onlyModel(`from keras.layers import Input, Conv2D, GlobalAveragePooling2D, Dense, Reshape, multiply
from keras.models import Model

def squeeze_excite(x, ratio=4):
    filters = x._keras_shape[-1]
    s = GlobalAveragePooling2D()(x)
    s = Dense(filters // ratio, activation='relu')(s)
    s = Dense(filters, activation='sigmoid')(s)
    return multiply([x, Reshape((1, 1, filters))(s)])

inputs = Input(shape=(8, 8, 3))
x = Conv2D(16, (3, 3), padding='same')(inputs)
model = Model(inputs, squeeze_excite(x))
`);
    // conv 3*3*3*16 + 16; dense 16*4 + 4; dense 4*16 + 16
    assert.equal(m.params, 448 + 68 + 80, JSON.stringify(m.unresolved));
    assert.equal(m.complete, true);
  });
});
