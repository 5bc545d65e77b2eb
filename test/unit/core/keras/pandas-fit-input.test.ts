import { strict as assert } from "node:assert";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { analyze } from "../../helpers/analyze";

// A Keras fit given pandas tables (interp/value-figures.ts inputRows, interp/pandas-tables.ts): Keras takes a DataFrame or Series as the array
// of its rows, batched by batch_size, so its rows are the samples (not a Sequence's len() batches); train_test_split
// splits tables by rows, and get_dummies keeps the rows. A table and script written for this test.
const TABLE = `id,plan,months,left
a1,basic,3,Yes
a2,pro,14,No
a3,basic,7,No
a4,pro,30,No
a5,basic,1,Yes
a6,pro,22,No
a7,basic,5,Yes
a8,pro,9,No
a9,basic,12,No
a10,pro,2,Yes
`;

const SCRIPT = (prepare: string) => `import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

frame = pd.read_csv("churn.csv")
${prepare}
y = frame["left"].apply(lambda v: 1 if v == "Yes" else 0)
model = Sequential()
model.add(Dense(8, activation="relu", input_dim=3))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="sgd")
model.fit(X_train, y_train, epochs=4, batch_size=3)
`;

const planOf = async (prepare: string): Promise<TrainingPlan> => (await analyze(SCRIPT(prepare), { others: { "/project/churn.csv": TABLE } })).training ?? {};

describe("Keras fits on pandas tables (value-figures.ts, pandas-tables.ts)", function () {
  this.timeout(20_000);
  it("a DataFrame given to fit is its rows, batched by batch_size", async () => {
    const plan = await planOf(`X_train = frame.drop(["id", "left"], axis=1)\ny_train = frame["left"]`);
    assert.equal(plan.samples?.value, 10);
    assert.equal(plan.batch?.value, 3);
    // Not a Sequence's len() batches an epoch (4 epochs × 10).
    assert.notEqual(plan.steps?.value, 40);
  });

  it("train_test_split of tables gives tables of the parts' rows", async () => {
    const plan = await planOf(`X = frame.drop(["id", "left"], axis=1)\nX_train, X_test, y_train, y_test = train_test_split(X, frame["left"], test_size=0.2)`);
    assert.equal(plan.samples?.value, 8);
  });

  it("get_dummies keeps the rows", async () => {
    const plan = await planOf(`X = pd.get_dummies(frame.drop(["id", "left"], axis=1))\nX_train, X_test, y_train, y_test = train_test_split(X, frame["left"], test_size=0.2)`);
    assert.equal(plan.samples?.value, 8);
  });
});
