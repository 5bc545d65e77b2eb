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
});
