import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A top-level `while len(items) < n:` the analysis cannot run through (random draws, a duplicate skipped with
// `continue`) still leaves n items: the fit on arrays sized by the list has n rows (length-bounded-while.ts).
const SCRIPT = (test: string, skip = "    if key in seen:\n        continue\n") => `import random
import numpy as np
from keras.models import Sequential
from keras.layers import Dense

SIZE = 300
pairs = []
seen = set()
while ${test}:
    a = random.randint(0, 999)
    b = random.randint(0, 999)
    key = (a, b)
${skip}    seen.add(key)
    pairs.append("%d+%d" % key)
x = np.zeros((len(pairs), 7))
cut = len(x) - len(x) // 10
model = Sequential()
model.add(Dense(4, input_shape=(7,)))
model.compile(loss="mse", optimizer="adam")
model.fit(x[:cut], np.zeros((cut, 4)), batch_size=50, epochs=3)
`;

describe("a while loop bounded by a list's length fills it to the bound (length-bounded-while.ts)", function () {
  this.timeout(20_000);
  it("gives the list the bound's items after the loop", async () => {
    assert.equal((await analyze(SCRIPT("len(pairs) < SIZE"))).training?.samples?.value, 270);
  });

  it("reads the bound on either side, one more for <=", async () => {
    assert.equal((await analyze(SCRIPT("SIZE > len(pairs)"))).training?.samples?.value, 270);
    assert.equal((await analyze(SCRIPT("len(pairs) <= 299"))).training?.samples?.value, 270);
  });

  it("leaves a loop that may leave early alone", async () => {
    const early = await analyze(SCRIPT("len(pairs) < SIZE", "    if key in seen:\n        break\n"));
    assert.notEqual(early.training?.samples?.value, 270);
  });
});
