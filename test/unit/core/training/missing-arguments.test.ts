import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An object of the project's own class built with an argument short stops the plain run (missing-arguments.ts).
const SOLVER = `import torch
from torch import nn

class Solver:
    def __init__(self, model, optim, loss_fn, metric_fn, *, log_every):
        self.model, self.optim, self.loss_fn, self.metric_fn = model, optim, loss_fn, metric_fn

    def fit(self, x, y, n_epochs):
        for i in range(n_epochs):
            loss = self.loss_fn(self.model(x), y)
            self.optim.zero_grad()
            loss.backward()
            self.optim.step()

model = nn.Linear(4, 1)
optim = torch.optim.Adam(model.parameters())
x, y = torch.randn(100, 4), torch.randn(100, 1)
`;

describe("a class of the project built with an argument short", () => {
  it("stops the plain run before the training after it, as Python's TypeError does", async () => {
    const plan = (await analyze(`${SOLVER}solver = Solver(model, nn.MSELoss(), optim)\nsolver.fit(x, y, 250)\n`)).training ?? {};
    assert.equal(plan.epochs, undefined);
    assert.ok(plan.notes?.some((n) => /stops at Solver\(model, nn\.MSELoss\(\), optim\) \(line \d+\): TypeError: Solver\.__init__\(\) missing 1 required positional argument: 'metric_fn'/.test(n)), JSON.stringify(plan.notes));
  });

  it("trains none of the file's models: each says where the run stops", async () => {
    const result = await analyze(`${SOLVER}solver = Solver(model, nn.MSELoss(), optim)\nsolver.fit(x, y, 250)\n`);
    assert.ok(result.models.length > 0);
    for (const [i] of result.models.entries()) {
      const own = result.modelTraining?.find((t) => t.model === i);
      assert.equal(own?.plan.untrained, true, JSON.stringify(result.modelTraining));
      assert.match(own?.plan.notes?.join(" ") ?? "", /^the plain run stops at Solver\(/);
    }
  });

  it("names a keyword-only parameter once the positional ones are given", async () => {
    const plan = (await analyze(`${SOLVER}solver = Solver(model, optim, nn.MSELoss(), None)\nsolver.fit(x, y, 250)\n`)).training ?? {};
    assert.ok(plan.notes?.some((n) => /missing 1 required keyword-only argument: 'log_every'/.test(n)), JSON.stringify(plan.notes));
  });

  it("trains when every required parameter is given, by position or keyword", async () => {
    const plan = (await analyze(`${SOLVER}solver = Solver(model, optim, nn.MSELoss(), metric_fn=None, log_every=10)\nsolver.fit(x, y, 250)\n`)).training ?? {};
    assert.equal(plan.steps?.value ?? plan.epochs?.value, 250);
  });

  it("leaves a call that spreads its arguments, or one after the training, alone", async () => {
    const spread = (await analyze(`${SOLVER}args = (model, optim)\nsolver = Solver(*args, log_every=1)\nsolver.fit(x, y, 250)\n`)).training ?? {};
    assert.ok(!spread.notes?.some((n) => /TypeError/.test(n)), JSON.stringify(spread.notes));
    const after = (await analyze(`${SOLVER}good = Solver(model, optim, nn.MSELoss(), None, log_every=1)\ngood.fit(x, y, 250)\nbad = Solver(model)\n`)).training ?? {};
    assert.ok(!after.notes?.some((n) => /TypeError/.test(n)), JSON.stringify(after.notes));
  });
});
