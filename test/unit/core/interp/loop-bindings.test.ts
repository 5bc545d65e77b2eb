import assert from "node:assert/strict";
import { analyze, modelNamed, onlyModel } from "../../helpers/analyze";

// A loop over a value the analyzer cannot know (data read from a file) is skipped; what its body binds must not keep
// the value it had before the loop (a count of 0, an empty set), or a model built from it gets a wrong, "known" size.
describe("names bound in a loop over an unknown value (src/core/interp/loop-bindings.ts)", () => {
  it("an accumulator counted over data is unknown after the loop, and the model built from it says so", async () => {
    const result = await analyze(`
import numpy as np
import torch.nn as nn

rows = np.load("rows.npy")
n_features = 0
for row in rows:
    n_features += 1
model = nn.Linear(n_features, 2)
`);
    const m = modelNamed(result, "model");
    assert.equal(m.complete, false);
    assert.match(m.unresolved[0].reason, /'n_features' is set in a loop over an unknown value/);
  });

  it("names the loop does not bind keep their values", async () => {
    const m = await onlyModel(`
import numpy as np
import torch.nn as nn

width = 16
total = 0
for row in np.load("rows.npy"):
    with open("log.txt") as log:
        total, last = total + 1, row
model = nn.Linear(width, 2)
`);
    assert.equal(m.params, 16 * 2 + 2);
  });
  it("a list the loop appends to, or an object's list its own method appends to, has an unknown length after it", async () => {
    const script = `
import torch.nn as nn

class Vocabulary:
    def __init__(self):
        self.words = []
        self.index = {}

    def add(self, word):
        if word not in self.index:
            self.words.append(word)
            self.index[word] = len(self.words) - 1

vocab = Vocabulary()
seen = []
with open("corpus.txt") as f:
    for line in f:
        for word in line.split():
            vocab.add(word)
        seen.append(line)
model = nn.Embedding(len(vocab.words), 8)
lines = nn.Linear(len(seen), 2)
`;
    const result = await analyze(script);
    const model = modelNamed(result, "model");
    assert.equal(model.complete, false);
    assert.match(model.unresolved[0].reason, /'words' is changed by add\(\) in a loop over an unknown value/);
    const lines = modelNamed(result, "lines");
    assert.equal(lines.complete, false);
    assert.match(lines.unresolved[0].reason, /'seen' is changed in a loop over an unknown value/);
    // A list the loop only reads keeps its items.
    const read = await analyze(script.replace("        seen.append(line)\n", "        print(seen)\n").replace("seen = []", "seen = [1, 2, 3]"));
    assert.equal(modelNamed(read, "lines").params, 3 * 2 + 2);
  });
});
