import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Scripts written for these tests: an epoch loop calls a step function the script imports from another file, which
// steps once on all of its data (full-batch training of a graph network), or steps on each batch of a loader
// (src/core/training/full-batch-epochs.ts: a called name bound by an import is read as one defined in the file is).
const ONCE = `def train(net, opt, feats, labels):
    net.train()
    opt.zero_grad()
    loss = ((net(feats) - labels) ** 2).mean()
    loss.backward()
    opt.step()
    return float(loss)
`;

const PER_BATCH = `def train(net, opt, feats, labels):
    for i in range(0, 400, 50):
        opt.zero_grad()
        ((net(feats[i:i + 50]) - labels[i:i + 50]) ** 2).mean().backward()
        opt.step()
`;

const SCRIPT = `import torch
from torch import nn
from stepping import train

feats = torch.randn(400, 12)
labels = torch.randn(400, 1)
net = nn.Linear(12, 1)
opt = torch.optim.Adam(net.parameters(), lr=0.01)
for epoch in range(150):
    train(net, opt, feats, labels)
`;

describe("an epoch loop calling an imported function that steps once on all the data", () => {
  it("takes one optimizer step an epoch", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/stepping.py": ONCE } })).training ?? {};
    assert.equal(plan.epochs?.value, 150);
    assert.equal(planOptimizerSteps(plan)?.value, 150);
  });

  it("is not one step an epoch where the function steps in a loop over batches", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/stepping.py": PER_BATCH } })).training ?? {};
    assert.notEqual(planOptimizerSteps(plan)?.value, 150);
  });
});
