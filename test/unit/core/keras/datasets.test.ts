import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// keras.datasets' load_data() as arrays of the published shapes (src/core/keras/datasets.ts; keras.io/api/datasets).
describe("keras.datasets load_data (src/core/keras/datasets.ts)", () => {
  it("a Sequential sized from cifar10's x_train.shape[1:] is built on 32x32x3", async () => {
    const m = await onlyModel(`from tensorflow import keras
from keras.datasets import cifar10
from keras.models import Sequential
from keras.layers import Conv2D, Flatten, Dense

(x_train, y_train), (x_test, y_test) = cifar10.load_data()
assert y_train.shape[1] == 1
model = Sequential()
model.add(Conv2D(4, (3, 3), padding='same', input_shape=x_train.shape[1:]))
model.add(Flatten())
model.add(Dense(x_test.shape[0] // 1000))
`);
    assert.deepEqual(m.inputs, [{ shape: [1, 32, 32, 3], dtype: "float32" }]);
    // conv 3·3·3·4+4 = 112; dense 32·32·4·10+10 = 40,970 (x_test has 10,000 rows)
    assert.equal(m.params, 112 + 40970);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("mnist's images are 28x28 without a channel axis", async () => {
    const m = await onlyModel(`import tensorflow as tf
(x_train, y_train), _ = tf.keras.datasets.mnist.load_data()
model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=x_train.shape[1:]), tf.keras.layers.Dense(y_train.shape[0] // 6000)])
`);
    assert.deepEqual(m.inputs, [{ shape: [1, 28, 28], dtype: "float32" }]);
    assert.equal(m.params, 28 * 28 * 10 + 10);
  });
});
