import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Keras fit inside counted loops runs once a turn (src/core/training/training-plan.ts, fitTurns and foldRows).
const SCRIPT = `import numpy as np
from tensorflow import keras
from sklearn.model_selection import KFold

(images, labels), _ = keras.datasets.mnist.load_data()
flat = images.reshape(-1, 784) / 255.0
for seed in range(2):
    for part, rest in KFold(n_splits=3).split(flat):
        net = keras.Sequential([keras.layers.Dense(10, activation="softmax", input_shape=(784,))])
        net.compile("sgd", "sparse_categorical_crossentropy")
        net.fit(flat[part], labels[part], batch_size=400, epochs=5)
`;

describe("a Keras fit inside counted loops", () => {
  it("trains once a turn, each fold on the rows its index array picks", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value], [2 * 3 * 5, 40000, 400]);
  });

  it("multiplies steps_per_epoch's steps as well, and leaves a fit in a loop of unstated length to its own epochs", async () => {
    const stepped = (await analyze(SCRIPT.replace("epochs=5)", "epochs=5, steps_per_epoch=20)"))).training ?? {};
    assert.equal(stepped.steps?.value, 2 * 3 * 5 * 20);
    const open = (await analyze(SCRIPT.replace("for seed in range(2):", "for seed in open('seeds.txt'):"))).training ?? {};
    assert.equal(open.epochs?.value, 5);
  });
});
