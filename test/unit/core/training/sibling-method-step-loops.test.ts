import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// A method whose loop calls, on its own object, a sibling method holding a counted step loop
// (`for epoch in range(600): self._phase()`, `while it <= limit: self._phase()`): Python runs the sibling's loop on
// every pass (src/core/training/called-step-loops.ts, code-sites.ts drivingMethods). The class is also read from
// another file whose methods the script calls on one object, a setup method first (`r.build()` then `r.train_model()`:
// foreign-loops.ts setupMethods). Files written for this test.
const runner = (loop: string) => `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

class Runner:
    batch_size = 32
    sizes = {'train': 320}

    def __init__(self, limit=600):
        self.limit = limit

    def build(self):
        self.model = nn.Linear(10, 2)
        self.opt = torch.optim.SGD(self.model.parameters(), lr=0.1)
        ds = TensorDataset(torch.randn(1000, 10), torch.randint(0, 2, (1000,)))
        self.loaders = {'train': DataLoader(ds, batch_size=Runner.batch_size)}

    def _phase(self):
        for _ in range(int(Runner.sizes['train'] / Runner.batch_size)):
            x, y = next(iter(self.loaders['train']))
            loss = nn.functional.cross_entropy(self.model(x), y)
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()

    def train_model(self):
${loop}
`;
const FOR = "        for epoch in range(self.limit):\n            self._phase()";
const WHILE = "        it = 1\n        cap = self.limit\n        while it <= cap:\n            self._phase()\n            it += 1";
const calls = "r = Runner(limit=600)\nr.build()\nr.train_model()\n";

const planOf = async (text: string, others: Record<string, string> = {}) => {
  const result = await analyze(text, { others });
  return trainingPlanOf(result, result.models[0]!);
};

describe("a step loop in a method its sibling's loop calls on self", () => {
  it("runs once an epoch of the caller's loop, in the script's own class", async () => {
    const plan = await planOf(`${runner(FOR)}\n${calls}`);
    assert.equal(plan?.steps?.value, 6000);
    assert.equal(plan?.batch?.value, 32);
  });

  it("runs once a pass of a counted while loop in the caller", async () => {
    assert.equal((await planOf(`${runner(WHILE)}\n${calls}`))?.steps?.value, 6000);
  });

  it("in another file's class, with the loader a setup method the script called first built", async () => {
    const plan = await planOf(`from runner import Runner\n${calls}`, { "/project/runner.py": runner(WHILE) });
    assert.equal(plan?.steps?.value, 6000);
    assert.equal(plan?.batch?.value, 32);
    assert.match(plan?.batch?.detail ?? "", /runner\.py/);
  });

  it("a training method named fit in another file's class is followed in a script importing no library that has a fit", async () => {
    const plan = await planOf("from runner import Runner\nr = Runner(limit=600)\nr.build()\nr.fit()\n", { "/project/runner.py": runner(WHILE).replace("def train_model(self):", "def fit(self):") });
    assert.equal(plan?.steps?.value, 6000);
  });

  it("without the setup call first, that method's loader is not the run's", async () => {
    const plan = await planOf("from runner import Runner\nr = Runner(limit=600)\nr.train_model()\nr.build()\n", { "/project/runner.py": runner(WHILE) });
    assert.notEqual(plan?.batch?.value, 32);
  });
});
