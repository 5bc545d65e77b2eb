import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// `from builtins import range` (python-future's Python 2/3 idiom) binds the built-in range itself (src/core/runtime.ts).
const SCRIPT = `from builtins import range, zip
import torch
from torch import nn

net = nn.Linear(6, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
x = torch.zeros(40, 6)
y = torch.zeros(40, 2)
for epoch in range(12):
    for i, j in zip(range(0, 40, 8), range(8, 48, 8)):
        xb, yb = x[i:j], y[i:j]
        opt.zero_grad()
        ((net(xb) - yb) ** 2).mean().backward()
        opt.step()
`;

describe("Python's builtins module", () => {
  it("gives the built-in range and zip, so loops over them are counted", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.steps?.value], [12, 60]);
  });
});
