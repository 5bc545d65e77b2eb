import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A method that hands the training on to an object it holds (`self.learner.train(labeled)` in an active-learning
// strategy's `train()`), called once and then once a query round (src/core/training/delegated-training.ts, with
// foreign-calls-in-turn.ts and loops-around-call.ts): the held object's loops are the run's, once a call.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const LEARNER = `import torch
import torch.nn as nn
from torch.utils.data import DataLoader

class Learner:
    def __init__(self, settings):
        self.settings = settings

    def train(self, data):
        self.model = nn.Linear(6, 3)
        opt = torch.optim.SGD(self.model.parameters(), lr=0.1)
        loader = DataLoader(data, shuffle=True, **self.settings['loader'])
        for epoch in range(self.settings['passes']):
            for xb, yb in loader:
                opt.zero_grad()
                nn.functional.cross_entropy(self.model(xb), yb).backward()
                opt.step()
`;

const STRATEGY = `class Strategy:
    def __init__(self, pool, learner):
        self.pool = pool
        self.learner = learner

    def query(self, n):
        return list(range(n))

    def train(self):
        labeled = self.pool
        self.learner.train(labeled)
`;

const SCRIPT = (rounds: string) => `import torch
from torch.utils.data import TensorDataset
from learner import Learner
from strategy import Strategy

pool = TensorDataset(torch.randn(200, 6), torch.randint(0, 3, (200,)))
learner = Learner({'passes': 4, 'loader': {'batch_size': 20}})
strategy = Strategy(pool, learner)
strategy.train()
${rounds}
`;

const OTHERS = { "/project/learner.py": LEARNER, "/project/strategy.py": STRATEGY };

describe("training handed on to an object the method holds (src/core/training/delegated-training.ts)", () => {
  it("reads the held object's loops for a bare `strategy.train()`: its epochs and batch", async () => {
    const plan = await planOf(SCRIPT(""), OTHERS);
    assert.equal(plan.epochs?.value, 4);
    assert.equal(plan.batch?.value, 20);
  });

  it("adds the calls of later query rounds, once a turn of the loop that makes them", async () => {
    const rounds = "for rd in range(1, 6):\n    picked = strategy.query(10)\n    strategy.train()";
    const plan = await planOf(SCRIPT(rounds), OTHERS);
    assert.equal(plan.epochs?.value, 4 + 5 * 4);
    assert.match(plan.epochs?.detail ?? "", /2 calls in turn/);
  });

  it("leaves the sum unknown where the later loop's count is not stated", async () => {
    const rounds = "for rd in range(int(input())):\n    strategy.train()";
    assert.notEqual((await planOf(SCRIPT(rounds), OTHERS)).epochs?.value, 4);
  });

  it("reads nothing where the held object's method runs no backward pass", async () => {
    const inert = LEARNER.replace("                nn.functional.cross_entropy(self.model(xb), yb).backward()\n", "");
    assert.equal((await planOf(SCRIPT(""), { ...OTHERS, "/project/learner.py": inert })).epochs, undefined);
  });

  it("leaves the steps unknown where the method hands the training on in each pass of a loop it runs", async () => {
    // `while not done:` around `self.learner.train(labeled)`: the held method's 4 epochs are each pass's.
    const looped = STRATEGY.replace("        labeled = self.pool\n        self.learner.train(labeled)", "        labeled = self.pool\n        done = False\n        while not done:\n            self.learner.train(labeled)\n            done = len(self.query(3)) > 2");
    const plan = await planOf(SCRIPT(""), { ...OTHERS, "/project/strategy.py": looped });
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.steps, undefined);
    assert.ok((plan.notes ?? []).some((n) => /on each pass of while not done \(line 12\), 4 epochs a call/.test(n)), (plan.notes ?? []).join("; "));
    // The batch is still the held method's.
    assert.equal(plan.batch?.value, 20);
  });
});
