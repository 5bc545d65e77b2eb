import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A table normalised by its own statistics keeps its rows (src/core/interp/pandas-package.ts: DataFrame.pop,
// describe, transpose, sample(frac=...)), so a Keras fit of it has its samples.
const SCRIPT = `import pandas as pd
from tensorflow import keras

def scaled(frame, centre, spread):
    return (frame - centre) / spread

table = pd.read_csv("cells.csv")
part = table.sample(frac=0.7, random_state=1)
part.pop("note")
targets = part.pop("yield")
summary = part.describe()
summary = summary.transpose()
inputs = scaled(part, summary["mean"], summary["std"])

net = keras.Sequential([keras.layers.Dense(6, activation="relu", input_shape=(2,)), keras.layers.Dense(1)])
net.compile(optimizer="rmsprop", loss="mse")
net.fit(inputs, targets, epochs=3, batch_size=10)
`;
const CSV = "width,depth,note,yield\n" + Array.from({ length: 205 }, (_, i) => `${i},${i % 9},n${i},${i / 2}`).join("\n") + "\n";

describe("a pandas table normalised by its describe() statistics", () => {
  it("keeps its rows through pop, describe().transpose() and the arithmetic", async () => {
    // sample(frac=0.7) of 205 rows is round(143.5) = 144 rows (Python's round, as pandas takes it).
    const plan = (await analyze(SCRIPT, { others: { "/project/cells.csv": CSV } })).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [3, 10, 144]);
  });

  it("reads the transposed statistics' rows as the table's columns", async () => {
    const counted = SCRIPT.replace("net.fit(inputs", "net.fit(summary.T").replace('summary = summary.transpose()\n', "");
    const plan = (await analyze(counted, { others: { "/project/cells.csv": CSV } })).training ?? {};
    // summary.T: one row a column left after the two pops (width, depth).
    assert.equal(plan.samples?.value, 2);
  });
});
