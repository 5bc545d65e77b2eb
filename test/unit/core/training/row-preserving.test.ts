import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A slice of an array that keeps a loaded dataset's rows (a function of the file filling np.zeros((len(x), d)), a
// numpy or Keras conversion) cuts the dataset's rows (src/core/training/row-preserving.ts).
describe("training arrays that keep a loaded dataset's rows", () => {
  it("a slice after the file's own vectorizing function cuts the text set's reviews", async () => {
    const plan = (await analyze(`import numpy as np
from keras import models, layers
from keras.datasets import imdb

def multi_hot(seqs, width=5000):
    out = np.zeros((len(seqs), width))
    for i, s in enumerate(seqs):
        out[i, s] = 1.0
    return out

(reviews, labels), _ = imdb.load_data(num_words=5000)
x = multi_hot(reviews)
y = np.asarray(labels).astype("float32")
x_hold, x_fit = x[:5000], x[5000:]
y_hold, y_fit = y[:5000], y[5000:]
net = models.Sequential([layers.Dense(8, activation="relu", input_shape=(5000,)), layers.Dense(1, activation="sigmoid")])
net.compile(optimizer="adam", loss="binary_crossentropy")
net.fit(x_fit, y_fit, epochs=3, batch_size=250, validation_data=(x_hold, y_hold))
`)).training ?? {};
    assert.equal(plan.samples?.value, 20000);
    assert.equal(plan.batch?.value, 250);
    assert.match(plan.samples?.detail ?? "", /row for row of reviews/);
  });

  it("a comprehension over a parameter and a numpy cast keep the rows too", async () => {
    const plan = (await analyze(`import numpy as np
from tensorflow import keras

def encode(texts):
    return np.array([t[:100] for t in texts])

(train_x, train_y), _ = keras.datasets.reuters.load_data(num_words=1000)
data = keras.utils.to_categorical(encode(train_x)) / 1.0
part = data[:-982]
model = keras.Sequential([keras.layers.Dense(46, activation="softmax", input_shape=(1000,))])
model.compile(optimizer="rmsprop", loss="categorical_crossentropy")
model.fit(part, train_y[:-982], epochs=2, batch_size=100)
`)).training ?? {};
    // reuters: int(11,228 * 0.8) = 8,982 training newswires, less the 982 held back.
    assert.equal(plan.samples?.value, 8000);
  });

  it("a function that returns fewer rows than it is given is not read as keeping them", async () => {
    const plan = (await analyze(`import numpy as np
from keras import models, layers
from keras.datasets import imdb

def first_rows(seqs):
    out = np.zeros((100, 5000))
    return out

(reviews, labels), _ = imdb.load_data(num_words=5000)
x = first_rows(reviews)
x_fit = x[50:]
net = models.Sequential([layers.Dense(1, activation="sigmoid", input_shape=(5000,))])
net.compile(optimizer="adam", loss="binary_crossentropy")
net.fit(x_fit, labels[50:150], epochs=1, batch_size=10)
`)).training ?? {};
    assert.notEqual(plan.samples?.value, 24950);
  });
});
