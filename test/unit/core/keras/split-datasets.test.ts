// keras.datasets.boston_housing and reuters split one published set by load_data's test_split (0.2 by default):
// the training rows are int(rows * (1 - test_split)) (split-datasets.ts).
import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { analyze } from "../../helpers/analyze";

const REGRESSION = `from tensorflow import keras
from tensorflow.keras.datasets import boston_housing

(X_train, y_train), (X_valid, y_valid) = boston_housing.load_data()
model = keras.Sequential([keras.layers.Dense(32, input_dim=13, activation="relu"), keras.layers.Dense(1)])
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(X_train, y_train, batch_size=8, epochs=32, validation_data=(X_valid, y_valid))
`;

describe("keras datasets that load_data splits by test_split", () => {
  it("trains on 404 of boston_housing's 506 rows by default, and on the rows another split keeps", async () => {
    const plan = (await analyze(REGRESSION)).training;
    assert.deepEqual([plan?.samples?.value, plan && planOptimizerSteps(plan)?.value], [404, 51 * 32]);
    const tenth = (await analyze(REGRESSION.replace("boston_housing.load_data()", "boston_housing.load_data(test_split=0.1)"))).training;
    assert.equal(tenth?.samples?.value, 455);
  });

  it("reads reuters' 11,228 newswires, and no count where maxlen drops some", async () => {
    const reuters = REGRESSION.replace(/boston_housing/g, "reuters");
    assert.equal((await analyze(reuters)).training?.samples?.value, 8982);
    assert.equal((await analyze(reuters.replace("reuters.load_data()", "reuters.load_data(num_words=1000, maxlen=100)"))).training?.samples, undefined);
  });

  it("load_data gives boston_housing's arrays their shapes: a first layer sized from a row is built", async () => {
    const sized = REGRESSION.replace("input_dim=13", "input_shape=[len(X_train[0])]");
    const model = (await analyze(sized)).models[0];
    // Dense(32) over 13 attributes, then Dense(1): 13 * 32 + 32 + 33 parameters
    assert.equal(model.params, 13 * 32 + 32 + 33);
    // the test part's rows, read as a width, follow test_split: 102 by default, 51 of 506 at 0.1
    const widths = sized.replace("keras.layers.Dense(1)", "keras.layers.Dense(len(X_valid))");
    assert.equal((await analyze(widths)).models[0].params, 13 * 32 + 32 + 32 * 102 + 102);
    const tenth = await analyze(widths.replace("boston_housing.load_data()", "boston_housing.load_data(test_split=0.1)"));
    assert.equal(tenth.models[0].params, 13 * 32 + 32 + 32 * 51 + 51);
  });
});
