import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A loader another workspace module builds at its top level, walked as that module's attribute (`pairs.train_loader`
// after `from feed import pairs`), also through a name bound to it and through a module that passes it on
// (src/core/training/imported-loader.ts attributeOfName, aliasedAttribute, moduleImported). Files written for this test.
const SETTINGS = `rows_per_step = 8
passes = 5
`;
const PAIRS = `import torch
from torch.utils.data import DataLoader, TensorDataset
from knobs import settings as st

table = TensorDataset(torch.randn(96, 4), torch.randn(96, 1))
train_loader = DataLoader(table, batch_size=st.rows_per_step, shuffle=True)
`;
const RELAY = `from feed import pairs

train_loader = pairs.train_loader
`;
const others = {
  "/project/knobs/__init__.py": "",
  "/project/knobs/settings.py": SETTINGS,
  "/project/knobs/relay.py": RELAY,
  "/project/feed/__init__.py": "",
  "/project/feed/pairs.py": PAIRS,
};
const STEP = `            opt.zero_grad()
            loss = nn.functional.mse_loss(net(x), y)
            loss.backward()
            opt.step()`;
const script = (imports: string, prelude: string, walked: string) => `import torch
from torch import nn
${imports}

def fit(net, opt):
    ${prelude}
    for epoch in range(st.passes):
        for x, y in ${walked}:
${STEP}

if __name__ == "__main__":
    net = nn.Linear(4, 1)
    fit(net, torch.optim.SGD(net.parameters(), lr=0.1))
`;
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

describe("a loader walked as an imported module's attribute (src/core/training/imported-loader.ts)", () => {
  it("`from feed import pairs` then `pairs.train_loader`: the batch and samples pairs.py builds", async () => {
    const plan = await planOf(script("from knobs import settings as st\nfrom feed import pairs", "pass", "pairs.train_loader"));
    assert.equal(plan.epochs?.value, 5);
    assert.equal(plan.batch?.value, 8);
    assert.equal(plan.samples?.value, 96);
    assert.match(plan.batch?.detail ?? "", /imported from feed\/pairs\.py/);
  });

  it("`import feed.pairs as pairs`, walked through enumerate", async () => {
    const plan = await planOf(script("from knobs import settings as st\nimport feed.pairs as pairs", "pass", "enumerate(pairs.train_loader)").replace("for x, y in", "for i, (x, y) in"));
    assert.equal(plan.batch?.value, 8);
  });

  it("a name the function binds to the attribute of a module that passes another module's loader on", async () => {
    const plan = await planOf(script("from knobs import (settings as st, relay as rl)", "loader = rl.train_loader", "loader"));
    assert.equal(plan.batch?.value, 8);
    assert.equal(plan.samples?.value, 96);
  });

  it("an attribute of a name no import binds reads nothing from the workspace", async () => {
    const plan = await planOf(script("from knobs import settings as st\nfrom types import SimpleNamespace\npairs = SimpleNamespace(train_loader=[])", "pass", "pairs.train_loader"));
    assert.notEqual(plan.batch?.value, 8);
  });
});
