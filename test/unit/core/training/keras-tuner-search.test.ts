import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Keras Tuner's `tuner.search(...)` fits a fresh model on each trial with the search's arguments, executions_per_trial
// times a trial (src/core/training/keras-tuner-search.ts). A script written for this test.
const script = (tuner: string) => `import numpy as np
import keras_tuner as kt
from tensorflow import keras

rows = np.random.rand(900, 12)
marks = np.random.randint(0, 3, size=(900,))

def build(hp):
    net = keras.Sequential([
        keras.layers.Dense(hp.Int("width", 16, 64, step=16), activation="relu", input_shape=(12,)),
        keras.layers.Dense(3, activation="softmax"),
    ])
    net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return net

tuner = ${tuner}
tuner.search(rows, marks, epochs=7, batch_size=50, validation_split=0.2)
best = tuner.get_best_models()[0]
`;

describe("a Keras Tuner search", () => {
  it("fits once a trial: the trials times the search's epochs, at its batch", async () => {
    const plan = (await analyze(script(`kt.RandomSearch(build, objective="val_loss", max_trials=4)`))).training;
    assert.equal(plan?.epochs?.value, 28);
    assert.equal(plan?.batch?.value, 50);
  });

  it("takes the library's ten trials and each trial's executions", async () => {
    const plan = (await analyze(script(`kt.BayesianOptimization(build, objective="val_loss", executions_per_trial=2)`))).training;
    assert.equal(plan?.epochs?.value, 140);
  });

  it("leaves a Hyperband search alone: its schedule sets the trials' epochs", async () => {
    const plan = (await analyze(script(`kt.Hyperband(build, objective="val_loss", max_epochs=9)`))).training;
    assert.notEqual(plan?.epochs?.value, 7);
  });
});
