import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";

// Keras 2's backend math (`from keras import backend as K`) is keras.ops under its old names. Figures by hand:
// Dense(a -> b) has a*b + b parameters and 2*a*b FLOPs per sample.
describe("keras.backend math (src/core/keras/modules.ts)", () => {
  it("a sampling Lambda written with K.shape, K.random_normal and K.exp gives z its shape, so the decoder builds", async () => {
    const result = await analyze(`
import keras
from keras import layers
from keras import backend as K
from keras.models import Model

latent_dim = 2
inp = keras.Input(shape=(8,))
h = layers.Dense(4, activation="relu")(inp)
z_mean = layers.Dense(latent_dim)(h)
z_log_var = layers.Dense(latent_dim)(h)


def sampling(args):
    z_mean, z_log_var = args
    epsilon = K.random_normal(shape=(K.shape(z_mean)[0], latent_dim), mean=0., stddev=1.)
    return z_mean + K.exp(z_log_var) * epsilon


z = layers.Lambda(sampling)([z_mean, z_log_var])
decoder_input = layers.Input(K.int_shape(z)[1:])
decoder = Model(decoder_input, layers.Dense(8)(decoder_input))
flat = K.flatten(K.square(z_mean))
`);
    const decoder = modelNamed(result, "decoder");
    assert.equal(decoder.params, 2 * 8 + 8);
    assert.equal(decoder.flops, 2 * 2 * 8);
    assert.deepEqual(decoder.inputs[0].shape, [1, 2]);
  });

  it("K.image_dim_ordering() is Keras 1's 'tf' for channels last, so a (channels, rows, cols) shape is permuted", async () => {
    const result = await analyze(`from keras import backend as K
from keras.layers import Input, Conv2D, GlobalAveragePooling2D, Dense
from keras.models import Model

def build(input_shape):
    if K.image_dim_ordering() == 'tf':
        input_shape = (input_shape[1], input_shape[2], input_shape[0])
    inputs = Input(shape=input_shape)
    x = GlobalAveragePooling2D()(Conv2D(8, (3, 3))(inputs))
    return Model(inputs, Dense(2)(x))

model = build((3, 16, 16))
`);
    const m = modelNamed(result, "model");
    assert.deepEqual(m.inputs[0].shape, [1, 16, 16, 3]);
    assert.equal(m.params, 3 * 3 * 3 * 8 + 8 + 8 * 2 + 2);
  });
});
