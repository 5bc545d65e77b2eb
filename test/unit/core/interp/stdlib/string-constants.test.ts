import assert from "node:assert/strict";
import { onlyModel } from "../../../helpers/analyze";

// Python's string constants (src/core/interp/stdlib/string-constants.ts), as CPython 3.11 defines them: a character
// model sized by len(string.printable) has 100 symbols.
describe("string constants", () => {
  it("gives printable, letters, digits, punctuation and whitespace their Python lengths", async () => {
    const m = await onlyModel(`import string
import torch.nn as nn

sizes = [len(string.printable), len(string.ascii_letters), len(string.digits), len(string.punctuation), len(string.whitespace)]
model = nn.Linear(sizes[0] * 1000000 + sizes[1] * 10000 + sizes[2] * 100 + sizes[3], sizes[4])
`);
    // in_features spells out the lengths 100, 52, 10 and 32; out_features is whitespace's 6.
    assert.equal(m.params, (100_521_032 + 1) * 6);
  });
});
