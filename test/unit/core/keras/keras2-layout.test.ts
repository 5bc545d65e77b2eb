import assert from "node:assert/strict";
import { analyze, modelNamed, onlyModel } from "../../helpers/analyze";

// Keras 2 code as it was written (keras 2.x kept layers in submodules, applications used keras.engine and
// keras.applications.imagenet_utils), run with Keras's layer formulas. Figures by hand: Conv2D(k x k, cin -> cout)
// has k*k*cin*cout + cout parameters; BatchNormalization(c) 4*c (gamma, beta, moving mean and variance); Dense(a -> b)
// a*b + b.
describe("Keras 2 module layout and idioms (src/core/keras/modules.ts)", () => {
  it("layers imported from Keras 2's submodules are the layers themselves, BatchNormalization's weights counted", async () => {
    const m = await onlyModel(`
from keras.models import Sequential
from keras.layers.convolutional import Conv2D
from keras.layers.normalization import BatchNormalization
from keras.layers.core import Dense, Flatten
from tensorflow.python.keras.layers.advanced_activations import LeakyReLU

model = Sequential()
model.add(Conv2D(8, (3, 3), input_shape=(10, 10, 3)))
model.add(BatchNormalization())
model.add(LeakyReLU())
model.add(Flatten())
model.add(Dense(2))
`);
    assert.equal(m.params, (3 * 3 * 3 * 8 + 8) + 4 * 8 + (8 * 8 * 8 * 2 + 2));
    assert.equal(m.trainableParams, (3 * 3 * 3 * 8 + 8) + 2 * 8 + (8 * 8 * 8 * 2 + 2));
    assert.equal(m.complete, true);
  });

  it("a Keras 2 application builder (_obtain_input_shape, keras.engine.topology, K.relu(max_value=6)) builds at its default size", async () => {
    const result = await analyze(`
from keras.layers import Input, Conv2D, Activation, GlobalAveragePooling2D, Dense
from keras.models import Model
from keras import backend as K
from keras.engine.topology import get_source_inputs
from keras.applications.imagenet_utils import _obtain_input_shape


def relu6(x):
    return K.relu(x, max_value=6)


def TinyNet(include_top=True, input_tensor=None, input_shape=None, classes=10):
    input_shape = _obtain_input_shape(input_shape, default_size=32, min_size=16,
                                      data_format=K.image_data_format(), require_flatten=include_top)
    img_input = Input(shape=input_shape) if input_tensor is None else input_tensor
    x = Conv2D(4, (3, 3), strides=(2, 2), padding="same")(img_input)
    x = Activation(relu6)(x)
    x = GlobalAveragePooling2D()(x)
    if include_top:
        x = Dense(classes)(x)
    inputs = get_source_inputs(input_tensor) if input_tensor is not None else img_input
    return Model(inputs, x, name="tinynet")


net = TinyNet()
`);
    const net = modelNamed(result, "TinyNet");
    assert.deepEqual(net.inputs[0].shape, [1, 32, 32, 3]);
    assert.equal(net.params, (3 * 3 * 3 * 4 + 4) + (4 * 10 + 10));
    // Conv2D FLOPs: 2 * k*k*cin*cout * the 16x16 output positions; Dense 2*a*b.
    assert.equal(net.flops, 2 * 3 * 3 * 3 * 4 * 16 * 16 + 2 * 4 * 10);
  });

  it("a custom layer's list of sub-layers counts their weights when the list also holds an activation function", async () => {
    const m = await onlyModel(`
import tensorflow as tf


class Unit(tf.keras.layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.activation = tf.keras.activations.get("relu")
        self.main_layers = [
            tf.keras.layers.Conv2D(filters, 3, padding="same", use_bias=False),
            tf.keras.layers.BatchNormalization(),
            self.activation,
        ]

    def call(self, inputs):
        z = inputs
        for layer in self.main_layers:
            z = layer(z)
        return self.activation(z + inputs)


model = tf.keras.Sequential([tf.keras.layers.InputLayer(input_shape=[8, 8, 4]), Unit(4), Unit(4)])
`);
    assert.equal(m.params, 2 * (3 * 3 * 4 * 4 + 4 * 4));
    assert.equal(m.trainableParams, 2 * (3 * 3 * 4 * 4 + 2 * 4));
  });

  it("a builder whose Input shape comes from data is listed with why, not dropped", async () => {
    const result = await analyze(`
import numpy as np
from keras.models import Model
from keras.layers import Input, Dense, Flatten

data = np.load("images.npy")
img_w, img_h = data.shape[1:3]


def build_discriminator(depth=64):
    image = Input((img_w, img_h, 1))
    x = Flatten()(image)
    return Model(inputs=image, outputs=Dense(1)(x))


discriminator = build_discriminator()
discriminator.summary()
`);
    const d = modelNamed(result, "discriminator");
    assert.equal(d.complete, false);
    assert.match(d.unresolved[0].reason, /the input is unknown \(numpy\.load/);
  });

  it("a Sequential that fails on its data is listed beside an unbuilt custom layer (neither is a repeat of the other)", async () => {
    const result = await analyze(`
import numpy as np
from tensorflow import keras

chorales = np.load("chorales.npy")
notes = set()
for chorale in chorales:
    notes |= set(chorale)
n_notes = len(notes)


class Cell(keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.dense = keras.layers.Dense(units)

    def call(self, x):
        return self.dense(x)


model = keras.models.Sequential([
    keras.layers.Embedding(input_dim=n_notes, output_dim=5, input_shape=[None]),
    keras.layers.Dense(n_notes),
])
`);
    const m = modelNamed(result, "model");
    assert.equal(m.complete, false);
    // The loop over unknown data leaves n_notes unknown, not len(set()) = 0.
    assert.match(m.unresolved[0].reason, /'notes' is set in a loop over an unknown value/);
    assert.ok(result.models.some((x) => x.name === "Cell"));
  });
});

describe("Keras layers first called on unknown data (src/core/keras/layers/core.ts)", () => {
  it("Dense layers bound at top level whose first input was unknown are not models; the model they make is reported unbuilt, and the file's other models still count", async () => {
    const result = await analyze(`
import numpy as np
import tensorflow as tf

X_train = np.load("x.npy")
norm = tf.keras.layers.Normalization()
hidden_layer = tf.keras.layers.Dense(30, activation="relu")
concat_layer = tf.keras.layers.Concatenate()
output_layer = tf.keras.layers.Dense(1)
input_ = tf.keras.layers.Input(shape=X_train.shape[1:])
normalized = norm(input_)
hidden = hidden_layer(normalized)
concat = concat_layer([normalized, hidden])
output = output_layer(concat)
model = tf.keras.Model(inputs=[input_], outputs=[output])

input_wide = tf.keras.layers.Input(shape=[5])
input_deep = tf.keras.layers.Input(shape=[6])
normalized = tf.keras.layers.Normalization()(input_deep)
hidden = tf.keras.layers.Dense(30)(normalized)
concat = tf.keras.layers.concatenate([input_wide, hidden])
output = tf.keras.layers.Dense(1)(concat)
known = tf.keras.Model(inputs=[input_wide, input_deep], outputs=[output])
`);
    // Normalization(6): mean, variance and count; Dense(6 -> 30); Dense(5 + 30 -> 1).
    assert.equal(modelNamed(result, "known").params, (6 + 6 + 1) + (6 * 30 + 30) + (35 + 1));
    assert.equal(modelNamed(result, "model").complete, false);
    for (const name of ["norm", "hidden_layer", "concat_layer", "output_layer"]) assert.ok(!result.models.some((m) => m.name === name), `${name} is a layer, not a model`);
  });

  it("a Keras layer nothing builds is not a model; one the program runs alone on data is, with that input", async () => {
    const result = await analyze(`
import numpy as np
from tensorflow import keras

lstm = keras.layers.LSTM(20)
dense = keras.layers.Dense(4)
y = dense(np.zeros((2, 3)))
`);
    assert.ok(!result.models.some((m) => m.name === "lstm"));
    const dense = modelNamed(result, "dense");
    assert.equal(dense.params, 3 * 4 + 4);
    assert.deepEqual(dense.inputs[0].shape, [2, 3]);
    assert.equal(dense.complete, true);
  });
});
