import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Keras' validation_split holds out the last fraction of whatever arrays fit is given, not only a loaded dataset's.
const ARRAYS = `import numpy as np
from tensorflow import keras
x = np.random.rand(5000, 20)
y = np.random.randint(0, 2, size=(5000,))
model = keras.Sequential([keras.layers.Dense(64, activation="relu", input_shape=(20,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=10, batch_size=100, validation_split=0.1)
`;

const SLICED = `from tensorflow import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train[:20000] / 255.0
y_train = y_train[:20000]
model = keras.Sequential([keras.layers.Flatten(input_shape=(28, 28)), keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=3, batch_size=200, validation_split=0.2)
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("validation_split on the arrays a Keras fit is given", () => {
  it("trains on the first 90% of arrays built in the code (int(n * (1 - split)))", async () => {
    const p = await plan(ARRAYS);
    assert.equal(p.samples?.value, 4500);
    assert.match(p.samples!.detail, /validation_split=0\.1/);
    assert.equal((await plan(ARRAYS.replace(", validation_split=0.1", ""))).samples?.value, 5000);
  });

  it("takes the split from a slice of a loaded dataset fed to fit", async () => {
    const p = await plan(SLICED);
    assert.equal(p.samples?.value, 16000);
    assert.equal((await plan(SLICED.replace(", validation_split=0.2", ""))).samples?.value, 20000);
  });
});

describe("the rows of a multi-input Keras fit", () => {
  const MULTI = `import numpy as np
from tensorflow import keras
uid = np.array([0, 1, 2, 3])
iid = np.array([1, 2, 3, 4])
x = {"user": uid, "item": iid}
y = np.array([1, 0, 1, 0])
inputs = [keras.Input(shape=(1,), name="user"), keras.Input(shape=(1,), name="item")]
out = keras.layers.Dense(1)(keras.layers.Concatenate()(inputs))
model = keras.Model(inputs, out)
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=10, validation_split=0.5)
`;

  it("reads the rows the arrays of a dict or list share, less the split", async () => {
    assert.equal((await plan(MULTI)).samples?.value, 2);
    assert.equal((await plan(MULTI.replace("model.fit(x,", "model.fit([uid, iid],"))).samples?.value, 2);
  });

  it("reads none when the arrays disagree", async () => {
    assert.equal((await plan(MULTI.replace("iid = np.array([1, 2, 3, 4])", "iid = np.array([1, 2, 3])"))).samples, undefined);
  });
});
