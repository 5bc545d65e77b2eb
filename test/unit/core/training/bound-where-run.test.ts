import { strict as assert } from "node:assert";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { analyze } from "../../helpers/analyze";

// A notebook's top level binds its data name again for each model (bound-where-run.ts): each fit reads the array bound
// before it, as Python runs the cells in order, not the last one the namespace keeps.
const SCRIPT = (between: string) => `import numpy
from keras.models import Sequential
from keras.layers import Dense

letters = "ABCDEFGHIJKLMNOPQR"
pairs = []
for i in range(len(letters) - 2):
    pairs.append([i, i + 1])
inputs = numpy.reshape(pairs, (len(pairs), 2))
targets = numpy.zeros((len(pairs), 4))
first = Sequential()
first.add(Dense(4, input_shape=(2,)))
first.compile(loss="mse", optimizer="adam")
first.fit(inputs, targets, epochs=40, batch_size=4)
${between}
second = Sequential()
second.add(Dense(4, input_shape=(3,)))
second.compile(loss="mse", optimizer="adam")
second.fit(inputs, targets, epochs=7, batch_size=8)
`;

const REBOUND = `triples = []
for i in range(300):
    triples.append([i, i + 1, i + 2])
inputs = numpy.reshape(triples, (len(triples), 3))
targets = numpy.zeros((len(triples), 4))`;

describe("a top-level name bound again after a site is read as bound before it (bound-where-run.ts)", function () {
  this.timeout(20_000);
  it("gives the first fit the rows of the arrays bound before it", async () => {
    const result = await analyze(SCRIPT(REBOUND));
    const samples = result.models.map((m) => trainingPlanOf(result, m)?.samples?.value);
    const epochs = result.models.map((m) => trainingPlanOf(result, m)?.epochs?.value);
    assert.deepEqual(samples, [16, 300]);
    assert.deepEqual(epochs, [40, 7]);
  });

  it("leaves a name bound once to the namespace (the same value either way)", async () => {
    const result = await analyze(SCRIPT(""));
    const samples = result.models.map((m) => trainingPlanOf(result, m)?.samples?.value);
    assert.deepEqual(samples, [16, 16]);
  });
});
