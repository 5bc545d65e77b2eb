import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Keras fit on images a boolean mask picked out of a keras.datasets load (a "six or not" classifier): the mask keeps
// the rows where it is True, a count the labels decide, so the load's 60,000 are not the fit's samples
// (masked-rows.ts). An array rebuilt from the load without a mask keeps the load's rows.
const SCRIPT = (picked: string) => `import numpy as np
from keras.datasets import mnist
from keras.models import Sequential
from keras.layers import Dense, Flatten

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train.astype("float32") / 255
x_pick = ${picked}
model = Sequential([Flatten(input_shape=(28, 28)), Dense(2, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy", optimizer="sgd")
model.fit(x_pick, np.zeros(len(x_pick)), batch_size=50, epochs=3)
`;

describe("a fit's array selected from a load by a boolean mask", () => {
  it("one class's images: samples unknown, not MNIST's 60,000", async () => {
    const plan = (await analyze(SCRIPT("x_train[y_train == 6].copy()"))).training ?? {};
    assert.equal(plan.samples, undefined);
    assert.deepEqual([plan.epochs?.value, plan.batch?.value], [3, 50]);
    // The run says why: a mask's selection, not a file that names no dataset.
    assert.match(plan.notes?.join("\n") ?? "", /samples: the array the fit trains on is selected from x_train by a boolean mask/);
  });

  it("two classes joined by | and appended to other rows: likewise", async () => {
    const plan = (await analyze(SCRIPT("np.append(x_train[(y_train == 3) | (y_train == 7)], x_test[:100])"))).training ?? {};
    assert.equal(plan.samples, undefined);
  });

  it("the load's arrays as rescaled, no mask: MNIST's 60,000", async () => {
    const plan = (await analyze(SCRIPT("x_train * 2"))).training ?? {};
    assert.equal(plan.samples?.value, 60000);
    assert.doesNotMatch(plan.notes?.join("\n") ?? "", /boolean mask/);
  });
});
