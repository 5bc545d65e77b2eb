// A top-level loop the analysis stops partway (past its share of the time) must not leave what it built half done:
// a list it appended to reads as the loop's count of items when a counted `for` appends once a pass, else unknown.
// The clock is a counter the analysis advances itself (1 ms per reading): no test depends on the machine's speed.
import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

function counterClock(): () => number {
  let t = 0;
  return () => ++t;
}

const KERAS = (loop: string) => [
  "import numpy",
  "from keras.models import Sequential",
  "from keras.layers import Dense",
  "dataX = []",
  loop,
  "n = len(dataX)",
  "X = numpy.reshape(dataX, (n, 10))",
  "model = Sequential()",
  "model.add(Dense(4, input_shape=(10,)))",
  "model.compile(loss='mse', optimizer='adam')",
  "model.fit(X, X[:, :4], epochs=2, batch_size=1000)",
].join("\n");

describe("a top-level loop the analysis stops partway", () => {
  it("gives a list appended once a pass of a counted range the range's count of items", async () => {
    const loop = "for i in range(0, 3_000_000 - 100, 1):\n    dataX.append([(i + k) % 7 for k in range(10)])";
    const plan = (await analyze(KERAS(loop), { now: counterClock(), budget: { milliseconds: 400 } })).training ?? {};
    assert.equal(plan.samples?.value, 2_999_900);
    assert.equal(plan.epochs?.value, 2);
  });

  it("leaves a list appended under a condition unknown, not the part the analysis saw", async () => {
    const loop = "for i in range(3_000_000):\n    if i % 3:\n        dataX.append([(i + k) % 7 for k in range(10)])";
    const plan = (await analyze(KERAS(loop), { now: counterClock(), budget: { milliseconds: 400 } })).training ?? {};
    assert.equal(plan.samples, undefined, JSON.stringify(plan.samples));
  });

  it("reads numpy.reshape of a list of lists to a shape of known sizes as that shape", async () => {
    const loop = "for i in range(500):\n    dataX.append([(i + k) % 7 for k in range(10)])";
    const plan = (await analyze(KERAS(loop))).training ?? {};
    assert.equal(plan.samples?.value, 500);
  });
});
