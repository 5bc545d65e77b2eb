import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Scripts written for these tests: a script builds another file's class and calls its training method, whose epoch
// loop leaves each pass to a plain function called by name, of the class's own file or imported from a third
// (src/core/training/foreign-loops.ts: a bound method's helpers include the functions it calls by name that train).
const PASS = `def run_pass(net, opt, batches):
    for inputs, targets in batches:
        opt.zero_grad()
        ((net(inputs) - targets) ** 2).mean().backward()
        opt.step()
`;

const METHOD = `    def fit_all(self):
        rows = torch.utils.data.TensorDataset(torch.randn(300, 6), torch.randn(300, 1))
        batches = torch.utils.data.DataLoader(rows, batch_size=4, shuffle=True)
        net = nn.Linear(6, 1)
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        for epoch in range(self.rounds):
            run_pass(net, opt, batches)
`;

const CLASS_HEAD = `class Coach:
    def __init__(self, rounds=3):
        self.rounds = rounds

`;

const SAME_FILE = `import torch
from torch import nn


${PASS}

${CLASS_HEAD}${METHOD}`;

const IMPORTING = `import torch
from torch import nn
from passes import run_pass


${CLASS_HEAD}${METHOD}`;

const SCRIPT = `from coach import Coach

if __name__ == "__main__":
    c = Coach(rounds=7)
    c.fit_all()
`;

describe("another file's training method whose loop calls a step function by name", () => {
  it("reads the run of a function of the class's own file", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/coach.py": SAME_FILE } })).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value, planOptimizerSteps(plan)?.value], [7, 300, 4, 7 * 75]);
  });

  it("reads the run of a function the class's file imports from a third file", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/coach.py": IMPORTING, "/project/passes.py": PASS } })).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value, planOptimizerSteps(plan)?.value], [7, 300, 4, 7 * 75]);
  });

  it("reads no run where the called function only evaluates", async () => {
    const evaluating = SAME_FILE.replace("        ((net(inputs) - targets) ** 2).mean().backward()\n        opt.step()\n", "        net(inputs)\n");
    const plan = (await analyze(SCRIPT, { others: { "/project/coach.py": evaluating } })).training ?? {};
    assert.equal(plan.epochs, undefined);
  });
});
