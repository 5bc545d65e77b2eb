import assert from "node:assert/strict";
import { onlyModel } from "../../../helpers/analyze";

// Builtins, methods and itertools where the analyzer had given a different number than CPython (each value below is
// what CPython 3.11 prints for the expression): a layer sized by such a number was silently the wrong size.
const CASES: [string, number][] = [
  [`int("0x1f", 16) + int("101", 2) + int("-12") + int("0o17", 0) + int("1_000")`, 31 + 5 - 12 + 15 + 1000],
  [`len(repr("ab")) + len(repr(12)) + len(repr([1, "a"]))`, 4 + 2 + 8],
  [`(3).bit_length() + (255).bit_length() * 10 + (0).bit_length()`, 2 + 80],
  [`pow(3, 2, 5) + pow(2, 5)`, 4 + 32],
  [`int(issubclass(bool, int)) * 100 + int(isinstance(True, int))`, 101],
  [`len(list(itertools.combinations(range(5), 2))) + len(list(itertools.permutations([1, 2, 3], 2)))`, 10 + 6],
  [`len(list(itertools.combinations_with_replacement("ab", 2))) + len(list(itertools.islice(range(10), 2, 8, 2)))`, 3 + 3],
  [`sum(itertools.islice(range(10), 4)) + len(list(itertools.zip_longest([1, 2, 3], [4])))`, 6 + 3],
  [`len(list(itertools.pairwise([1, 2, 3, 4]))) + sum(itertools.starmap(pow, [(2, 3), (3, 2)]))`, 3 + 17],
  [`"abcabc".rfind("b") + "abc".index("c") * 10 + "abcabc".rindex("a") * 100`, 4 + 20 + 300],
  [`[1, 2, 3].__len__() + {"a": 1}.__contains__("a") * 10 + "xyz".__getitem__(1).__len__() * 100`, 3 + 10 + 100],
  [`{1, 2, 3}.issuperset([1, 3]) + {1, 2}.issuperset({4}) * 10 + {1, 2}.isdisjoint([3]) * 100 + {1}.isdisjoint({1}) * 1000`, 1 + 0 + 100 + 0],
  // a builtin type's method read on the class takes the object first (str.upper(s) is s.upper())
  [`len(str.upper("ab ".strip())) + len(str.join("-", ["a", "b"])) * 10 + list.index([5, 6], 6) * 100 + len(set.union({1}, {2})) * 1000 + int(str.upper("mult") == "MULT") * 10000`, 2 + 30 + 100 + 2000 + 10000],
  // numpy scalars' astype: truncated toward zero for integer types, nonzero is True (numpy 1.24)
  [`np.ceil(np.log(96)).astype("int").item() * 5 + int(np.float64(-2.7).astype(np.int64)) * 100 + int(np.float64(0.5).astype(bool)) * 1000`, 25 - 200 + 1000],
  [`int(np.sqrt(10).astype("float32") * 10)`, 31],
  // str.splitlines at every line boundary, no empty last line, keepends keeps the break
  [`len("a\\nb\\r\\nc\\rd\\x0be\\n".splitlines()) + len("x\\n\\ny".splitlines()) * 10 + len("a\\nb\\n".splitlines(True)[1]) * 100 + len("".splitlines()) * 1000`, 235],
];

describe("builtins as CPython computes them (src/core/interp/builtins/, builtin-methods.ts, stdlib/itertools.ts)", () => {
  for (const [expression, expected] of CASES) {
    it(`${expression} is ${expected}`, async () => {
      const m = await onlyModel(`import itertools
import numpy as np
import torch.nn as nn

W = ${expression}

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(1, W)

    def forward(self, x):
        return self.fc(x)

model = Net()
`);
      assert.equal(m.params, 2 * expected, JSON.stringify(m.unresolved));
    });
  }
});

describe("abs() calls its argument's __abs__ (src/core/interp/builtins/arithmetic.ts)", () => {
  // transformers' bidirectional sliding-window masks (ModernBERT) are abs(q_idx - kv_idx) <= window over index tensors.
  it("abs of a tensor is Tensor.abs: a mask built from it leaves the model complete", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)

    def forward(self, x):
        q = torch.arange(8)[:, None]
        k = torch.arange(8)[None, :]
        near = abs(q - k) <= 2
        return self.fc(x.masked_fill(~near, 0.0))

model = Net()
`, { inputs: [{ shape: [8, 8], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.flops, 2 * 8 * 8 * 8);
  });

  it("abs of an object is its class's __abs__", async () => {
    const m = await onlyModel(`import torch.nn as nn

class Width:
    def __init__(self, n):
        self.n = n

    def __abs__(self):
        return -self.n if self.n < 0 else self.n

model = nn.Linear(abs(Width(-6)), abs(-3))
`);
    assert.equal(m.params, 6 * 3 + 3);
  });
});
