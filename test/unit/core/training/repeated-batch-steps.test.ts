import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// The run's only optimizer stepped K times on each batch in a counted loop of its own (src/core/training/update-cadence.ts,
// singleCadence): Python runs the inner loop's K steps for every batch. Scripts written for this test.
const SCRIPT = (inner: string) => `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

net = nn.Linear(8, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loader = DataLoader(TensorDataset(torch.randn(1000, 8)), batch_size=50)
for epoch in range(3):
    for (x,) in loader:
${inner}
`;

const REPEATED = `        for _ in range(5):
            loss = net(x).pow(2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()`;

describe("the only optimizer stepped K times a batch in a counted inner loop", () => {
  it("counts K steps on every batch of every epoch, the batch and samples unchanged", async () => {
    const result = await analyze(SCRIPT(REPEATED));
    const model = result.models.find((m) => m.name === "net");
    assert.ok(model);
    const plan = trainingPlanOf(result, model);
    // 3 epochs of 20 batches, 5 steps each.
    assert.equal(plan && planOptimizerSteps(plan)?.value, 300);
    assert.match(plan?.steps?.detail ?? "", /opt\.step\(\) runs 5 times a pass \(for \.\.\. in range\(5\)\)/);
    assert.equal(plan?.batch?.value, 50);
    assert.equal(result.training?.steps?.value, 300);
  });

  it("keeps one step a batch where the step is outside the counted loop", async () => {
    const once = `        for _ in range(5):
            x = x * 0.5
        loss = net(x).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()`;
    const result = await analyze(SCRIPT(once));
    const model = result.models.find((m) => m.name === "net");
    const plan = model && trainingPlanOf(result, model);
    assert.equal(plan && planOptimizerSteps(plan)?.value, 60);
  });

  it("does not count the inner loop twice where the plan's steps already hold it", async () => {
    const text = `import torch
import torch.nn as nn

net = nn.Linear(8, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for it in range(100):
    x = torch.randn(32, 8)
    for _ in range(5):
        loss = net(x).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;
    const result = await analyze(text);
    const model = result.models.find((m) => m.name === "net");
    const plan = model && trainingPlanOf(result, model);
    assert.equal(plan && planOptimizerSteps(plan)?.value, 500);
  });
});
