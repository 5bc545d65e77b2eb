import assert from "node:assert/strict";
import { literalValue } from "../../../../../src/core/interp/stdlib/ast-literals";
import { PythonError, type Value } from "../../../../../src/core/interp/values";
import { onlyModel } from "../../../helpers/analyze";

// ast.literal_eval (src/core/interp/stdlib/ast-literals.ts): Python literals as Python reads them; anything else is a
// ValueError, never evaluated.
const plain = (v: Value): unknown => {
  if (v.kind === "int" || v.kind === "float" || v.kind === "str" || v.kind === "bool") return v.value;
  if (v.kind === "none") return null;
  if (v.kind === "list" || v.kind === "tuple") return { [v.kind]: v.items.map(plain) };
  if (v.kind === "dict") return { dict: [...v.entries.values()].map(({ key, value }) => [plain(key), plain(value)]) };
  if (v.kind === "set") return { set: [...v.entries.values()].map(plain) };
  return v.kind;
};

describe("ast.literal_eval (src/core/interp/stdlib/ast-literals.ts)", () => {
  it("reads numbers as Python types them: ints, floats, exponents, radix prefixes, signs and underscores", () => {
    assert.deepEqual(["100", "-3", "+7", "5e-4", "1e6", ".5", "5.", "0x10", "0o17", "0b101", "1_000", "-2.5E+2"].map((t) => [literalValue(t).kind, plain(literalValue(t))]), [
      ["int", 100], ["int", -3], ["int", 7], ["float", 0.0005], ["float", 1e6], ["float", 0.5], ["float", 5], ["int", 16], ["int", 15], ["int", 5], ["int", 1000], ["float", -250],
    ]);
  });

  it("reads strings with their quotes, prefixes, escapes and implicit concatenation; True, False and None", () => {
    assert.equal(plain(literalValue("'mnist'")), "mnist");
    assert.equal(plain(literalValue('"a\\tb"')), "a\tb");
    assert.equal(plain(literalValue("r'a\\tb'")), "a\\tb");
    assert.equal(plain(literalValue("'''x''' \"y\"")), "xy");
    assert.deepEqual([plain(literalValue("True")), plain(literalValue("False")), plain(literalValue(" None "))], [true, false, null]);
  });

  it("reads containers, nested: lists, tuples, (x) as x, dicts, sets and set()", () => {
    assert.deepEqual(plain(literalValue("[1, 2,\n 3]")), { list: [1, 2, 3] });
    assert.deepEqual(plain(literalValue("(64,)")), { tuple: [64] });
    assert.deepEqual(plain(literalValue("(64)")), 64);
    assert.deepEqual(plain(literalValue("()")), { tuple: [] });
    assert.deepEqual(plain(literalValue("{'lr': 1e-3, 'sizes': [32, (3, 3)],}")), { dict: [["lr", 0.001], ["sizes", { list: [32, { tuple: [3, 3] }] }]] });
    assert.deepEqual(plain(literalValue("{1, 2, 2}")), { set: [1, 2] });
    assert.deepEqual(plain(literalValue("set()")), { set: [] });
  });

  it("raises ValueError for anything that is not a literal: names, calls, operators, complex numbers, bytes", () => {
    for (const text of ["mnist", "os.system('x')", "1 + 2", "[1, 2", "2j", "b'x'", "'open", "{1: }", "1 2"]) {
      assert.throws(() => literalValue(text), PythonError, text);
    }
  });

  it("sizes a model from a config string as the script's literal_eval reads it", async () => {
    const m = await onlyModel(`import ast
import torch.nn as nn

SETTINGS = {"hidden": "[32, 16]", "classes": "10"}
hidden = ast.literal_eval(SETTINGS["hidden"])

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(hidden[0], hidden[1])
        self.out = nn.Linear(hidden[1], ast.literal_eval(SETTINGS["classes"]))

    def forward(self, x):
        return self.out(self.fc(x))

model = Net()
`);
    assert.equal(m.params, 32 * 16 + 16 + 16 * 10 + 10);
  });
});
