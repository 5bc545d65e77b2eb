import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A script that imports a workspace module training at its top level runs that training
// (src/core/training/import-time-training.ts). Files written for this test.
const FIT = (run: "called" | "guarded" | "defined") => `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

rows = TensorDataset(torch.randn(120, 6), torch.randn(120, 1))
feed = DataLoader(rows, batch_size=12, shuffle=True)
regressor = nn.Linear(6, 1)
sgd = torch.optim.SGD(regressor.parameters(), lr=0.05)
curve = []

def fit():
    for sweep_epoch in range(7):
        seen = 0.0
        for xb, yb in feed:
            sgd.zero_grad()
            err = nn.functional.mse_loss(regressor(xb), yb)
            err.backward()
            sgd.step()
            seen += err.item()
        curve.append(seen)

${run === "guarded" ? 'if __name__ == "__main__":\n    fit()' : run === "called" ? "fit()" : ""}
`;
const CHART_FROM = `import matplotlib.pyplot as plt
from fitting import curve

plt.plot(curve)
plt.savefig("curve.png")
`;
const CHART_MODULE = `import json
import fitting

with open("curve.json", "w") as out:
    json.dump(fitting.curve, out)
`;
const OWN_RUN = `import torch
from torch import nn
from fitting import regressor

opt = torch.optim.Adam(regressor.parameters())
for epoch in range(2):
    opt.zero_grad()
    loss = regressor(torch.randn(30, 6)).pow(2).mean()
    loss.backward()
    opt.step()
`;

const runOf = async (text: string, run: "called" | "guarded" | "defined" = "called") => (await analyze(text, { file: "/project/chart.py", others: { "/project/fitting.py": FIT(run) } })).training ?? {};

describe("a workspace module that trains as the script imports it (src/core/training/import-time-training.ts)", () => {
  it("`from fitting import curve` runs fitting.py's training: its epochs, batch and samples", async () => {
    const plan = await runOf(CHART_FROM);
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.batch?.value, 12);
    assert.equal(plan.samples?.value, 120);
    assert.ok(plan.notes?.some((n) => /fitting\.py's: the import at line 2 runs its module-level training/.test(n)));
  });

  it("and so does `import fitting`", async () => {
    const plan = await runOf(CHART_MODULE);
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.batch?.value, 12);
  });

  it("a module whose training sits under `if __name__ == \"__main__\":` trains nothing when imported", async () => {
    const plan = await runOf(CHART_FROM, "guarded");
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.batch, undefined);
  });

  it("nor does a module that only defines its training function", async () => {
    const plan = await runOf(CHART_FROM, "defined");
    assert.equal(plan.epochs, undefined);
  });

  it("a script that trains by itself keeps its own run", async () => {
    const plan = await runOf(OWN_RUN);
    assert.equal(plan.epochs?.value, 2);
    assert.ok(!plan.notes?.some((n) => /module-level training/.test(n)));
  });
});
