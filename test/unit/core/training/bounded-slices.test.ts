import { strict as assert } from "node:assert";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { resolveTrainingRun } from "../../../../src/core/training/resolve-run";
import { analyze, onlyModel } from "../../helpers/analyze";

// A fit on rows sliced with both bounds stated from data whose length the code does not tell (bounded-slices.ts).
const script = (cut: string) => `import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
table = np.asarray([[float(v) for v in line.split(",")] for line in open("rows.csv")])
${cut}
y = table[0:90, 4]
model = Sequential()
model.add(Dense(8, input_dim=4, activation="relu"))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=20, batch_size=10)
`;

describe("rows sliced with both bounds from data of unknown length", () => {
  it("trains on the rows the slice states: 9 steps of 10 an epoch", async () => {
    const result = await analyze(script("x = table[0:90, 0:4]"));
    const report = await onlyModel(script("x = table[0:90, 0:4]"));
    const run = resolveTrainingRun(result.training, {}, (batch) => estimateModel(report, { hardware: "a100-sxm", dtype: "fp32", mode: "train", batch }));
    assert.deepEqual([run.samples?.value, run.epochs?.value, run.batch.value, run.run?.steps], [90, 20, 10, 180]);
  });

  it("reads a missing start as 0 and a bound from a constant", async () => {
    const plan = (await analyze(script("n_train = 60\nx = table[:n_train, 0:4]"))).training ?? {};
    assert.equal(plan.samples?.value, 60);
  });

  it("leaves the rows unknown where a bound counts from the end or is missing", async () => {
    for (const cut of ["x = table[:-30, 0:4]", "x = table[30:, 0:4]"]) {
      const plan = (await analyze(script(cut))).training ?? {};
      assert.equal(plan.samples?.value, undefined, cut);
    }
  });
});
