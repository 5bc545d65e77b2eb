import assert from "node:assert/strict";
import { analyze, onlyModel } from "../../helpers/analyze";

// Builtin names model code reaches for: `Ellipsis` (the name of `...`) and `__import__` (what an import statement
// calls). The fixture was run with PyTorch 1.13: 136 parameters, 2,560 FLOPs (addmm), output [5, 4].
describe("builtin names: Ellipsis and __import__", () => {
  it("index with Ellipsis like with ..., and import through __import__ with and without fromlist", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn


class Scaled(nn.Module):
    def __init__(self, opts):
        super().__init__()
        self.fc = nn.Linear(opts.width, opts.out)
        self.pool = __import__("torch.nn", fromlist=["functional"]).functional.adaptive_avg_pool1d

    def forward(self, x):
        scales = torch.linspace(1.0, 2.0, x.shape[-1])
        scales = scales[(*((None,) * (len(x.shape) - 1)), Ellipsis)]
        y = self.fc(x * scales)
        return self.pool(y[0, Ellipsis], 4)


model = Scaled(__import__("argparse").Namespace(width=16, out=8))
`, { inputs: [{ shape: [2, 5, 16], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 136);
    assert.equal(m.flops, 2560);
    assert.deepEqual(m.output, [[5, 4]]);
  });

  it("a module __import__ cannot find is Python's error, with its line", async () => {
    const result = await analyze(`
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)
        self.extra = __import__("no_such_package_here")

    def forward(self, x):
        return self.fc(x)

model = Net()
`, { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    // as in Python, the constructor raises (ModuleNotFoundError), so there is no model to count
    assert.equal(result.models[0]?.complete, false);
    assert.ok(result.notes.some((n) => /No module named 'no_such_package_here'.*main\.py:8/.test(n)), JSON.stringify(result.notes));
  });
});
