import assert from "node:assert/strict";
import { analyze, onlyModel } from "../../helpers/analyze";

describe("partial results, budgets and bad input", () => {
  it("says what it could not resolve, with the line, instead of counting 0", async () => {
    const m = await onlyModel(`
import torch.nn as nn
from mystery_package import MagicLayer

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)
        self.magic = MagicLayer(4)

    def forward(self, x):
        x = self.fc(x)
        return self.magic(x)
`);
    assert.equal(m.complete, false);
    assert.equal(m.params, 20);
    assert.ok(m.unresolved.length > 0);
    const note = m.unresolved.find((n) => n.line === 13 || n.line === 9);
    assert.ok(note, JSON.stringify(m.unresolved));
    assert.match(note.reason, /MagicLayer|mystery_package/);
  });

  it("stops a huge loop at its step budget and still reports", async () => {
    const started = Date.now();
    const result = await analyze(`
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        total = 0
        for i in range(10 ** 9):
            total += i

    def forward(self, x):
        return self.fc(x)
`, { budget: { steps: 50_000 } });
    assert.ok(Date.now() - started < 5000);
    // The class cannot be built within the budget: no model, no hang, and no exception.
    assert.equal(result.models.length, 0);
  });

  it("stops unbounded recursion with a clear note", async () => {
    const m = await onlyModel(`
import torch.nn as nn

def deep(n):
    return deep(n + 1)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def forward(self, x):
        deep(0)
        return self.fc(x)
`);
    assert.equal(m.complete, false);
    assert.match(m.unresolved.map((n) => n.reason).join(" "), /recursion/);
  });

  it("analyzes what parses in a file with a syntax error, and says so", async () => {
    const result = await analyze(`
import torch.nn as nn

class Good(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 3)
    def forward(self, x):
        return self.fc(x)

def broken(:
    pass
`);
    assert.ok(result.syntaxErrors.length > 0);
    assert.ok(result.syntaxErrors.some((e) => e.line === 11));
    assert.equal(result.models.find((m) => m.name === "Good")?.params, 12);
  });
});
