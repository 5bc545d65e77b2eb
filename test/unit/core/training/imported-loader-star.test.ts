import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Scripts written for these tests: a loader another workspace file builds, reached through several star imports
// (src/core/training/imported-loader.ts: a star import of a module without the name leaves the earlier binding, and a
// module that has the name from a star import of its own hands on the one it imported).
const DATA = `import torch
from torch.utils.data import DataLoader, TensorDataset
CHUNK = 32
pairs = TensorDataset(torch.randn(960, 6), torch.randn(960, 1))
feed = DataLoader(pairs, batch_size=CHUNK, shuffle=True, drop_last=True)
`;

const LOSSES = `def score(net, rows, targets):
    return ((net(rows) - targets) ** 2).mean()
`;

const RELAY = `from feeding import *
from scoring import *
`;

const script = (imports: string) => `import torch
${imports}

net = torch.nn.Linear(6, 1)
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
for epoch in range(4):
    for step, (rows, targets) in enumerate(feed):
        opt.zero_grad()
        score(net, rows, targets).backward()
        opt.step()
`;

const others = { "/project/feeding.py": DATA, "/project/scoring.py": LOSSES, "/project/relay.py": RELAY };

describe("a loader reached through several star imports", () => {
  it("keeps the data module's loader past a later star import of a module without it", async () => {
    const plan = (await analyze(script("from feeding import *\nfrom scoring import *"), { others })).training ?? {};
    assert.deepEqual([plan.samples?.value, plan.batch?.value, planOptimizerSteps(plan)?.value], [960, 32, 4 * 30]);
  });

  it("follows a module that has the loader from a star import of its own", async () => {
    const plan = (await analyze(script("from scoring import *\nfrom relay import *"), { others })).training ?? {};
    assert.deepEqual([plan.samples?.value, plan.batch?.value, planOptimizerSteps(plan)?.value], [960, 32, 4 * 30]);
  });
});
