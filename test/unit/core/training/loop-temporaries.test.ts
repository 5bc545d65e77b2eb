import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// A loop under the `__main__` guard that names each item before appending it fills the list the fit trains on
// (src/core/training/loop-temporaries.ts). A script written for this test.
const script = (body: string) => `import numpy as np
from keras.models import Sequential
from keras.layers import Dense

if __name__ == "__main__":
    rows = []
    for k in range(50):
${body}
    rows = np.array(rows)[8:]
    net = Sequential()
    net.add(Dense(1, input_shape=(6,)))
    net.compile(optimizer="sgd", loss="mse")
    net.fit(rows, rows[:, :1], epochs=3, batch_size=4)
`;

const planOf = async (text: string) => {
  const result = await analyze(text);
  return trainingPlanOf(result, result.models[0]!);
};

describe("a list-filling loop's own temporaries (src/core/training/loop-temporaries.ts)", () => {
  it("replay with the loop, so the guard's fit is sized from the rows the loop appends", async () => {
    const plan = await planOf(script("        row = np.ones(6) * k\n        row = row / 50.0\n        rows.append(row)"));
    assert.equal(plan?.samples?.value, 42);
  });

  it("do not make a loop replay whose temporary comes from work (a call that saves or trains)", async () => {
    const plan = await planOf(script("        row = store.save(np.ones(6))\n        rows.append(row)"));
    assert.equal(plan?.samples, undefined);
  });
});
