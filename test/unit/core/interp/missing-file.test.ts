import assert from "node:assert/strict";
import { analyze, onlyModel } from "../../helpers/analyze";

// open() of a file the workspace lacks (src/core/interp/missing-file.ts): Python raises FileNotFoundError, so a script
// that catches it takes its except branch; a caught value or an uncaught open() names the file that is missing.
const MODEL = (body: string) => `import json
import configparser
import torch.nn as nn

${body}

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(SIZES[0], SIZES[1])

    def forward(self, x):
        return self.fc(x)

model = Net()
`;
const OTHERS = { others: { "/project/sizes.json": "[6, 3]" } };

describe("open() of a file the workspace lacks (src/core/interp/missing-file.ts)", () => {
  it("takes the except branch that catches FileNotFoundError, by any of its names", async () => {
    for (const types of ["FileNotFoundError", "OSError", "IOError", "(ValueError, OSError)", "Exception"]) {
      const model = await onlyModel(MODEL(`try:
    with open("missing.json") as f:
        SIZES = json.load(f)
except ${types}:
    SIZES = [4, 2]`), OTHERS);
      assert.equal(model.params, 4 * 2 + 2, types);
    }
    // A bare except, and a handler after one that does not catch it.
    assert.equal((await onlyModel(MODEL(`try:
    SIZES = json.load(open("missing.json"))
except KeyError:
    SIZES = [1, 1]
except:
    SIZES = [5, 2]`), OTHERS)).params, 5 * 2 + 2);
  });

  it("takes the try branch when the file is there", async () => {
    assert.equal((await onlyModel(MODEL(`try:
    with open("sizes.json") as f:
        SIZES = json.load(f)
except FileNotFoundError:
    SIZES = [4, 2]`), OTHERS)).params, 6 * 3 + 3);
  });

  it("raises through a function call to the caller's handler", async () => {
    assert.equal((await onlyModel(MODEL(`def load(path):
    with open(path) as f:
        return json.load(f)

try:
    SIZES = load("missing.json")
except OSError as err:
    SIZES = [7, 2]`), OTHERS)).params, 7 * 2 + 2);
  });

  it("outside a try, what the file would have given is unknown and names the file", async () => {
    const result = await analyze(MODEL(`with open("missing.json") as f:
    SIZES = json.load(f)`));
    const model = result.models.find((m) => m.name === "Net");
    assert.ok(model && !model.complete);
    assert.ok(model.unresolved.some((u) => /missing\.json is not in the workspace/.test(u.reason)), JSON.stringify(model.unresolved));
  });

  it("configparser's read() inside a script's try skips the file, as Python does, and names it", async () => {
    const result = await analyze(MODEL(`p = configparser.ConfigParser()
try:
    p.read("missing.ini")
    SIZES = [p.getint("Net", "hidden"), 2]
except OSError:
    SIZES = [9, 9]`));
    const model = result.models.find((m) => m.name === "Net");
    assert.ok(model && !model.complete, "read() raised nothing, so the except branch was not taken");
    assert.notEqual(model.params, 9 * 9 + 9);
    assert.ok(model.unresolved.some((u) => /missing\.ini is not in the workspace/.test(u.reason)), JSON.stringify(model.unresolved));
  });
});
