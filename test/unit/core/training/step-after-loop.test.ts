import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Gradient accumulation shown once: a loop named for steps runs backward on each micro-batch and the optimizer
// steps once after it (src/core/training/step-after-loop.ts). A script written for this test.
const SCRIPT = `import torch
import torch.nn as nn

net = nn.Linear(20, 5)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
micro = 6
per_micro = 4

opt.zero_grad()
for step in range(micro):
    xb = torch.randn(per_micro, 20)
    yb = torch.randn(per_micro, 5)
    loss = nn.functional.mse_loss(net(xb), yb) / micro
    loss.backward()
opt.step()
`;

describe("an optimizer step after a loop of backward passes (step-after-loop.ts)", () => {
  it("is one step of the loop's micro-batches", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.steps?.value, 1);
    assert.equal(plan.accumulation?.value, 6);
  });

  it("a step inside the loop keeps one step a turn", async () => {
    const inside = SCRIPT.replace("    loss.backward()\nopt.step()\n", "    loss.backward()\n    opt.step()\n");
    const plan = (await analyze(inside)).training ?? {};
    assert.equal(plan.steps?.value, 6);
  });
});
