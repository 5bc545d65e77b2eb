import { strict as assert } from "node:assert";
import { analyze } from "../../../helpers/analyze";

/** The training plan of a Keras regressor fit on `prelude`'s X_train for 4 epochs at batch 50. */
async function kerasPlanOver(prelude: string) {
  return (await analyze(`import tensorflow as tf
${prelude}
net = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu", input_shape=(X_train.shape[1],)), tf.keras.layers.Dense(1)])
net.compile(optimizer="adam", loss="mse")
net.fit(X_train, y_train, epochs=4, batch_size=50)
`)).training ?? {};
}

// scikit-learn's real-world fetchers of a published size (stdlib/sklearn-fetchers.ts): their rows, split and
// sliced, are what a network is fit on.
describe("sklearn.datasets fetchers of a published size", () => {
  it("fetch_california_housing's 20,640 rows, less a test split of 640, are the samples; a column found by its name keeps them", async () => {
    const plan = await kerasPlanOver(`from sklearn.datasets import fetch_california_housing
from sklearn.model_selection import train_test_split
housing = fetch_california_housing()
X_all, X_hold, y_train, y_hold = train_test_split(housing.data, housing.target, test_size=640)
col = housing.feature_names.index("HouseAge")
X_train = X_all[:, col].reshape(-1, 1)`);
    assert.deepEqual([plan.samples?.value, plan.batch?.value, plan.epochs?.value], [20000, 50, 4]);
  });

  it("return_X_y gives the pair, and fetch_covtype has its 581,012 rows", async () => {
    const plan = await kerasPlanOver(`from sklearn.datasets import fetch_covtype
X_train, y_train = fetch_covtype(return_X_y=True)`);
    assert.equal(plan.samples?.value, 581012);
  });

  it("a data frame (as_frame=True) stays of unknown size", async () => {
    const plan = await kerasPlanOver(`from sklearn.datasets import fetch_california_housing
X_train, y_train = fetch_california_housing(return_X_y=True, as_frame=True)`);
    assert.equal(plan.samples, undefined);
  });
});
