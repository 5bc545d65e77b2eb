import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loop that steps an optimizer and its scheduler with no loss and no backward only walks the learning-rate
// schedule (src/core/training/schedule-only-steps.ts): torch's optimizers skip parameters without a gradient. The
// loop that trains later gives the epochs. A script written for this test.
const SCRIPT = `import torch
import torch.nn as nn
from torch import optim

probe = nn.Linear(4, 1)
probe_opt = optim.SGD(probe.parameters(), lr=0.5)
sched = optim.lr_scheduler.StepLR(probe_opt, step_size=3, gamma=0.5)
rates = []
for epoch in range(15):
    probe_opt.step()
    rates.append(sched.get_last_lr()[0])
    sched.step()

xs = torch.randn(64, 4)
ys = torch.randn(64, 1)
net = nn.Linear(4, 1)
opt = optim.Adam(net.parameters(), lr=1e-2)
for epoch in range(40):
    opt.zero_grad()
    loss = nn.functional.mse_loss(net(xs), ys)
    loss.backward()
    opt.step()
`;

describe("a loop that only steps a schedule (schedule-only-steps.ts)", () => {
  it("is no epoch loop: the loop with a backward pass gives the epochs", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs?.value, 40);
    assert.equal(plan.steps?.value, 40);
  });

  it("an optimizer's step with a closure (L-BFGS) may compute gradients: that loop stays an epoch loop", async () => {
    const closure = SCRIPT.replace("    probe_opt.step()\n", "    probe_opt.step(lambda: nn.functional.mse_loss(probe(xs), ys))\n");
    const plan = (await analyze(closure)).training ?? {};
    assert.notEqual(plan.epochs?.value, 40);
  });
});
