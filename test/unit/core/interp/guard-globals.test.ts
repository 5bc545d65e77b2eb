import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";

describe("a builder reading globals the `__main__` guard binds (src/core/interp/guard-globals.ts)", () => {
  it("builds `model = build_model()` with the guard's names bound, and lists it once", async () => {
    const result = await analyze(`import numpy as np
import torch.nn as nn

def build_model():
    width = hidden * 2
    return nn.Sequential(nn.Linear(features.shape[1], width), nn.ReLU(), nn.Linear(width, 3))

if __name__ == "__main__":
    features = np.zeros((500, 20), dtype=np.float32)
    hidden = 32
    model = build_model()
    model.train()
`);
    assert.deepEqual(result.models.map((m) => m.name), ["model"], "the builder alone (a NameError) is not listed beside it");
    const m = modelNamed(result, "model");
    assert.equal(m.line, 11);
    assert.equal(m.params, 20 * 64 + 64 + 64 * 3 + 3);
  });

  it("reads a Keras dataset's shape through the guard (input_shape=x_train.shape[1:])", async () => {
    const result = await analyze(`from keras.datasets import mnist
from keras.models import Sequential
from keras.layers import Dense, Flatten

def build_model():
    model = Sequential()
    model.add(Flatten(input_shape=x_train.shape[1:]))
    model.add(Dense(10))
    return model

if __name__ == "__main__":
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    x_train = x_train / 255.0
    model = build_model()
    model.summary()
`);
    assert.deepEqual(result.models.map((m) => m.name), ["model"], "the Sequential() inside the builder is a step of it");
    assert.equal(modelNamed(result, "model").params, 28 * 28 * 10 + 10);
  });

  it("does not take a name the builder binds itself for the guard's", async () => {
    const result = await analyze(`import torch.nn as nn

def build_model():
    size = 8
    return nn.Linear(size, 2)

if __name__ == "__main__":
    size = 1000
    model = build_model()
    model.train()
`);
    assert.equal(result.models.length, 1);
    assert.equal(result.models[0].params, 8 * 2 + 2, "the function's own size, not the guard's");
  });
});
