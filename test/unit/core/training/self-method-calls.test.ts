import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// `self.fit(...)` in a class that defines its own fit runs that method, not Keras' Model.fit
// (src/core/training/self-method-calls.ts). A script written for this test: the class's fit takes the dataset, the
// model, the epochs and the steps an epoch, and hands them to the model's Keras fit.
const script = (ownFit: boolean) => `import numpy as np
import tensorflow as tf
from tensorflow import keras


class Runner:
    def __init__(self, root):
        self.__model = None
        self.__ds = None

    def load(self, batch=10):
        x = np.random.rand(600, 28, 28, 3).astype("float32")
        y = np.random.randint(0, 10, size=(600,))
        self.__ds = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(100).repeat().batch(batch)
        return self

    def train(self, steps_per_epoch, epochs=100):
        self.__model = keras.Sequential([keras.layers.Flatten(input_shape=(28, 28, 3)), keras.layers.Dense(10)])
        self.__model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        ${ownFit ? "self.fit(self.__ds, self.__model, epochs, steps_per_epoch)" : "self.__model.fit(self.__ds, epochs=epochs, steps_per_epoch=steps_per_epoch)"}
        return self
${ownFit ? `
    def fit(self, dataset, model, epochs, steps_per_epoch):
        model.fit(dataset, epochs=epochs, steps_per_epoch=steps_per_epoch)
` : ""}

if __name__ == "__main__":
    Runner("data").load(batch=10).train(steps_per_epoch=150, epochs=100)
`;

describe("a call on self of the class's own method", () => {
  it("does not read self.fit(dataset, model, epochs, steps) as Keras' fit(x, y, batch_size, epochs)", async () => {
    const plan = (await analyze(script(true))).training;
    // Keras' positions would make the epochs (100) the batch.
    assert.notEqual(plan?.batch?.value, 100);
    assert.doesNotMatch(plan?.batch?.detail ?? "", /self\.fit/);
    assert.equal(plan?.batch?.value, 10);
    assert.equal(plan?.epochs?.value, 100);
  });

  it("reads the same figures as the Keras fit written in place", async () => {
    const plan = (await analyze(script(false))).training;
    assert.equal(plan?.batch?.value, 10);
    assert.equal(plan?.epochs?.value, 100);
  });
});
