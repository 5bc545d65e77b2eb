import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A script written for these tests: a step loop that runs on the first pass of a counted loop and every N-th after it.
const script = (gate: string) => `import torch
import torch.nn as nn

OUTER = 1000
SHOW_EVERY = 100
net = nn.Linear(4, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)

def one_step(x):
    opt.zero_grad()
    net(x).sum().backward()
    opt.step()

for it in range(1, OUTER + 1):
    if ${gate}:
        for _ in range(8):
            one_step(torch.randn(16, 4))
`;

describe("a step loop under an `or` gate on the loop index (src/core/training/gated-passes.ts)", () => {
  it("runs on the passes any part of the gate lets through", async () => {
    const run = (await analyze(script("it == 1 or it % SHOW_EVERY == 0"))).training;
    assert.equal(run?.steps?.value, 11 * 8, JSON.stringify(run?.steps));
    assert.match(run?.steps?.detail ?? "", /11 of its 1,000 passes/);
  });

  it("keeps the plain period's count", async () => {
    const run = (await analyze(script("it % SHOW_EVERY == 0"))).training;
    assert.equal(run?.steps?.value, 10 * 8, JSON.stringify(run?.steps));
  });
});
