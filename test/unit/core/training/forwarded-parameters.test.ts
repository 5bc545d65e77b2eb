import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A method of another file that hands its parameter on to a generator method it iterates: Python binds the helper's
// parameter to the argument the call passes, so the helper's `while count < limit` runs the script's figure.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const LEARNER = (handOn: string) => `import torch
import torch.nn as nn

class Learner:
    def __init__(self, net, lr):
        self.net = net
        self.opt = torch.optim.Adam(net.parameters(), lr=lr)

    def fit(self, loader, limit=400):
        for loss in self.updates(loader, ${handOn}):
            pass

    def updates(self, loader, limit=400):
        count = 0
        while count < limit:
            for x in loader:
                if count >= limit:
                    break
                self.opt.zero_grad()
                loss = self.net(x).sum()
                yield loss
                loss.backward()
                self.opt.step()
                count += 1
`;

const SCRIPT = `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from learner import Learner

data = TensorDataset(torch.randn(1000, 6))
loader = DataLoader(data, batch_size=10)
learner = Learner(nn.Linear(6, 1), 0.01)
for epoch in range(12):
    learner.fit(loader, limit=30)
`;

describe("a helper's parameter handed on from its caller (src/core/training/forwarded-parameters.ts)", () => {
  it("`self.updates(loader, limit=limit)` binds the helper's limit to the script's `limit=30`, not its default 400", async () => {
    const plan = await planOf(SCRIPT, { "/project/learner.py": LEARNER("limit=limit") });
    assert.equal(plan.epochs?.value, 12);
    assert.equal(plan.steps?.value, 12 * 30);
    // Passed positionally, the same.
    const positional = await planOf(SCRIPT, { "/project/learner.py": LEARNER("limit") });
    assert.equal(positional.steps?.value, 12 * 30);
  });

  it("a helper handed a figure of its own (`limit=50`) does not take the caller's", async () => {
    const stated = await planOf(SCRIPT, { "/project/learner.py": LEARNER("limit=50") });
    assert.equal(stated.epochs?.value, 12);
    assert.notEqual(stated.steps?.value, 12 * 30);
  });
});
