import assert from "node:assert/strict";
import { onlyModel } from "../../../helpers/analyze";

// Slice objects as Python has them (docs.python.org/3/library/functions.html#slice): `x[a:b]` hands __getitem__ a
// slice whose start, stop and step read back (None where not written), and isinstance(key, slice) tells a slice from
// a list or an int, as a table's indexer (pandas' iloc) must. Before, both were unknown, and so was what they sized.
describe("slice objects (src/core/interp/builtins/types.ts, interpreter.ts)", () => {
  it("__getitem__ reads a slice's start, stop and step and tells it from a list by isinstance", async () => {
    const m = await onlyModel(`import torch.nn as nn

class Probe:
    def __getitem__(self, key):
        return key

part = Probe()[2:9]
pair = Probe()[:, [0, 1]]
start = part.start
stop = part.stop
step = 5 if part.step is None else 6
kind = 3 if isinstance(part, slice) else 4
other = 7 if isinstance(pair[1], slice) else 8
model = nn.Sequential(nn.Linear(start, stop), nn.Linear(stop, step), nn.Linear(step, kind), nn.Linear(kind, other))
`);
    const widths = m.layers.filter((l) => l.type === "Linear").map((l) => l.params);
    // Linear(2, 9), Linear(9, 5), Linear(5, 3), Linear(3, 8)
    assert.deepEqual(widths, [2 * 9 + 9, 9 * 5 + 5, 5 * 3 + 3, 3 * 8 + 8]);
  });
});
