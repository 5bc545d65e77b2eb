import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { scaledCounterPasses } from "../../../../src/core/training/scaled-counter";

// `while counter * k < N:` runs ⌈N / k⌉ passes from counter 0 (scaled-counter.ts).
const script = (test: string, advance = "seen += 1") => `import torch
from torch import nn
net = nn.Linear(6, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
chunk = 48
budget = 10000
seen = 0
while ${test}:
    x = torch.randn(chunk, 6)
    loss = net(x).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    ${advance}
`;

describe("a while loop bounded by its counter times a factor", () => {
  it("runs ceil(N / k) passes, not N", async () => {
    const plan = (await analyze(script("seen * chunk < budget"))).training ?? {};
    assert.equal(plan.steps?.value, 209);
  });

  it("reads the factor on either side and a counter that goes up by more than one", async () => {
    const plan = (await analyze(script("chunk * seen < budget", "seen += 2"))).training ?? {};
    assert.equal(plan.steps?.value, 105);
  });

  it("counts the bound's own pass for <=", () => {
    assert.equal(scaledCounterPasses(96, true, 48, 1), 3);
    assert.equal(scaledCounterPasses(96, false, 48, 1), 2);
  });

  it("reads no count where the loop never moves the counter", async () => {
    const plan = (await analyze(script("seen * chunk < budget", "pass"))).training ?? {};
    assert.notEqual(plan.steps?.value, 10000);
    assert.notEqual(plan.steps?.value, 209);
  });
});
