import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// numpy's vstack, hstack and column_stack as shapes (src/core/interp/numpy-joins.ts): tables joined from parts, kept
// as parameters, so a wrong shape shows in the count. Written for this test; shapes as numpy 1.26 gives them.
describe("numpy stacks (src/core/interp/numpy-joins.ts)", () => {
  it("vstack stacks rows (a 1-D array as one row), hstack joins columns (1-D end to end), column_stack makes columns", async () => {
    const m = await onlyModel(`import numpy as np
import torch
import torch.nn as nn

rows = np.vstack((np.zeros((3, 4)), np.ones((2, 4)), np.arange(4)))
wide = np.hstack((np.zeros((6, 2)), rows))
cols = np.column_stack((np.arange(6), np.ones(6)))
flat = np.hstack((np.arange(3), np.arange(5)))


# greenlight: input=1x6
class Tables(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Parameter(torch.from_numpy(wide).float())
        self.b = nn.Parameter(torch.from_numpy(cols).float())
        self.c = nn.Parameter(torch.from_numpy(flat).float())
        self.fc = nn.Linear(6, 2)

    def forward(self, x):
        return self.fc(x)


model = Tables()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    // (6, 6) + (6, 2) + (8,) + Linear(6, 2)
    assert.equal(m.params, 36 + 12 + 8 + 14);
  });
});
