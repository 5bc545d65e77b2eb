import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Keras fit per batch of a loop that walks them, inside an epoch loop (fit-per-batch.ts).
const script = (inner: string) => `import numpy as np
from keras.models import Sequential
from keras.layers import Dense
passes = 12
def chunks(size):
    rows = np.zeros((300, 6))
    for i in range(0, 300, size):
        yield rows[i:i + size], rows[i:i + size, :1]
model = Sequential([Dense(4, input_dim=6), Dense(1)])
model.compile(optimizer="sgd", loss="mse")
for p in range(passes):
${inner}
`;

describe("a Keras fit on each batch a loop walks", () => {
  it("runs the counted loops around the batch loop as its epochs; a batch's rows are not the samples", async () => {
    const plan = (await analyze(script(`    for xb, yb in chunks(30):
        model.fit(xb, yb, batch_size=30, epochs=1)`))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [12, 30, undefined]);
  });

  it("keeps a fit on whole arrays inside a counted loop as turns of its epochs", async () => {
    const plan = (await analyze(script(`    xs, ys = np.zeros((300, 6)), np.zeros((300, 1))
    model.fit(xs, ys, batch_size=30, epochs=2)`))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value], [24, 300]);
  });
});
