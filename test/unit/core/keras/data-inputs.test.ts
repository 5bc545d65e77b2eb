import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";
import { kerasDatasetInputs } from "../../../../src/core/keras/data-inputs";

// A subclassed Keras model that declares no input reads the keras.datasets set the program loads
// (src/core/keras/data-inputs.ts; shapes from keras.io/api/datasets).
describe("inputs from the keras.datasets a program loads", () => {
  it("names each loaded image set's sample shape, channels last, a grey set with and without its channel axis", () => {
    assert.deepEqual(kerasDatasetInputs("(x, y), _ = tf.keras.datasets.cifar10.load_data()"), [[{ shape: [1, 32, 32, 3], dtype: "float32" }]]);
    assert.deepEqual(kerasDatasetInputs("mnist = keras.datasets.mnist\nmnist.load_data()"), [
      [{ shape: [1, 28, 28, 1], dtype: "float32" }],
      [{ shape: [1, 28, 28], dtype: "float32" }],
    ]);
    assert.deepEqual(kerasDatasetInputs("from tensorflow.keras.datasets import imdb, cifar100 as c\n"), [[{ shape: [1, 32, 32, 3], dtype: "float32" }]]);
    // imdb is text: no image shape; an unknown name is nothing
    assert.deepEqual(kerasDatasetInputs("keras.datasets.imdb.load_data(); datasets.CIFAR10(root)"), []);
  });

  it("a Model subclass with a Conv2D first, trained on MNIST, is run on 1x28x28x1", async () => {
    const result = await analyze(`import tensorflow as tf
from tensorflow.keras.layers import Dense, Flatten, Conv2D
from tensorflow.keras import Model

(x_train, y_train), _ = tf.keras.datasets.mnist.load_data()
x_train = x_train[..., tf.newaxis] / 255.0

class Net(Model):
    def __init__(self):
        super().__init__()
        self.conv = Conv2D(8, 3, activation='relu')
        self.flatten = Flatten()
        self.out = Dense(10)

    def call(self, x):
        return self.out(self.flatten(self.conv(x)))

model = Net()
`);
    const m = modelNamed(result, "Net");
    assert.deepEqual(m.inputs, [{ shape: [1, 28, 28, 1], dtype: "float32" }]);
    // conv 3·3·1·8+8 = 80; dense 26·26·8·10+10 = 54,090
    assert.equal(m.params, 80 + 54090);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("a PyTorch module is never given a channels-last Keras shape", async () => {
    const result = await analyze(`import torch.nn as nn
import tensorflow as tf

(x_train, y_train), _ = tf.keras.datasets.cifar10.load_data()

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)

    def forward(self, x):
        return self.fc(x)

model = Net()
`);
    assert.deepEqual(modelNamed(result, "Net").inputs, [{ shape: [1, 3], dtype: "float32" }]);
  });
});
