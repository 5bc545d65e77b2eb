import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// A Keras step loop that builds its arrays each pass and hands them to `train_on_batch(x, y)`: all of x is the step's
// batch (src/core/training/train-on-batch-input.ts). A script written for this test.
const script = (x: string) => `import numpy as np
from keras.models import Sequential
from keras.layers import Dense

def critic():
    model = Sequential()
    model.add(Dense(16, activation="relu", input_dim=3))
    model.add(Dense(1, activation="sigmoid"))
    model.compile(loss="binary_crossentropy", optimizer="adam")
    return model

def draw(n):
    points = np.random.rand(n, 3)
    labels = np.ones((n, 1))
    return points, labels

def fit(model, rounds=300, size=40):
    half = size // 2
    for r in range(rounds):
        a, la = draw(half)
        b, lb = draw(half)
        x = ${x}
        y = np.vstack((la, lb))
        model.train_on_batch(x, y)

net = critic()
fit(net)
`;

const planOf = async (text: string) => {
  const result = await analyze(text);
  return trainingPlanOf(result, result.models[0]!);
};

describe("the rows a step loop's train_on_batch is given (src/core/training/train-on-batch-input.ts)", () => {
  it("reads the batch from the arrays the pass stacks before the call", async () => {
    const plan = await planOf(script("np.vstack((a, b))"));
    assert.equal(plan?.steps?.value, 300);
    assert.equal(plan?.batch?.value, 40);
    assert.match(plan?.batch?.detail ?? "", /train_on_batch\(x\): the 40 rows/);
  });

  it("reads one half where the pass hands over one draw", async () => {
    assert.equal((await planOf(script("a")))?.batch?.value, 20);
  });
});
