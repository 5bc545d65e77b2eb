import { strict as assert } from "node:assert";
import { trainingPlanJson } from "../../../../src/cli/estimate-options";
import { analyze } from "../../helpers/analyze";

// A pandas DataFrame given to Keras' fit is array data, one row a sample, batched by batch_size (src/core/interp/
// value-figures.ts inputRows, pandasTableRows): not a keras.utils.Sequence, although it has __len__ and __getitem__.
const SCRIPT = `import pandas as pd
from tensorflow import keras

table = pd.read_csv("readings.csv")
features = table.drop(["label"], axis=1)
targets = table["label"]

net = keras.Sequential([keras.layers.Dense(8, activation="relu", input_shape=(3,)), keras.layers.Dense(1)])
net.compile(optimizer="adam", loss="mse")
net.fit(features, targets, epochs=4, batch_size=16, validation_split=0.2)
`;
const CSV = "a,b,c,label\n" + Array.from({ length: 150 }, (_, i) => `${i},${2 * i},${i % 7},${i % 3 ? "yes" : "no"}`).join("\n") + "\n";

describe("a pandas table given to Keras' fit", () => {
  it("takes its rows as the samples, less the validation split, in batches of batch_size", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/readings.csv": CSV } })).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [4, 16, 120]);
    // 120 rows in batches of 16: 8 steps an epoch, not one step a row.
    const json = trainingPlanJson(plan) as { optimizer_steps: number };
    assert.equal(json.optimizer_steps, 32);
  });

  it("reads a Series given as the only input the same way", async () => {
    const series = SCRIPT.replace('features = table.drop(["label"], axis=1)', 'features = table["a"]').replace("input_shape=(3,)", "input_shape=(1,)").replace(", validation_split=0.2", "");
    const plan = (await analyze(series, { others: { "/project/readings.csv": CSV } })).training ?? {};
    assert.equal(plan.samples?.value, 150);
  });
});
