import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Scripts written for these tests: a learner of another file whose update() counts its own calls and steps its
// policy only on some of them, the value network on each (own-call-cadences.ts).
const learner = (start: string, gate: string, reset: string) => `import torch
import torch.nn as nn


class Policy(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 1)

    def forward(self, s):
        return torch.tanh(self.fc(s))


class Value(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 1)

    def forward(self, s, a):
        return self.fc(torch.cat([s, a], 1))


class Learner:
    def __init__(self, size, every):
        self.size = size
        self.every = every
        self.calls = ${start}
        self.policy = Policy()
        self.policy_opt = torch.optim.Adam(self.policy.parameters(), lr=1e-3)
        self.value = Value()
        self.value_opt = torch.optim.Adam(self.value.parameters(), lr=1e-3)

    def update(self):
        self.calls += 1
        s = torch.randn(self.size, 3)
        a = torch.randn(self.size, 1)
        self.value_opt.zero_grad()
        self.value(s, a).pow(2).mean().backward()
        self.value_opt.step()
        if ${gate}:
            self.policy_opt.zero_grad()
            (-self.value(s, self.policy(s)).mean()).backward()
            self.policy_opt.step()
${reset}
`;

const script = `import gym
from learner import Learner

learner = Learner(32, 3)
env = gym.make("Pendulum-v1")
for t in range(3000):
    s, r, done, info = env.step(env.action_space.sample())
    learner.update()
`;

const stepsOf = async (module: string) => {
  const result = await analyze(script, { others: { "/project/learner.py": module } });
  const of = (name: string) => {
    const model = result.models.find((m) => m.name === name);
    assert.ok(model, `${name} is listed`);
    const plan = trainingPlanOf(result, model);
    return plan && planOptimizerSteps(plan)?.value;
  };
  return { policy: of("learner.policy"), value: of("learner.value") };
};

describe("networks an update method steps on some of its own calls (own-call-cadences.ts)", () => {
  it("steps the gated network on one call in the period", async () => {
    const { policy, value } = await stepsOf(learner("0", "self.calls % self.every == 0", ""));
    assert.equal(value, 3000);
    assert.equal(policy, 1000);
  });

  it("reads a counter reset once it passes a bound as a cycle of bound + 1 calls", async () => {
    const { policy, value } = await stepsOf(learner("0", "self.calls > 1", "            self.calls = 0"));
    assert.equal(value, 3000);
    assert.equal(policy, 1500);
  });

  it("leaves a counter that does not start at zero to the loop's count", async () => {
    const { policy } = await stepsOf(learner("5", "self.calls % self.every == 0", ""));
    assert.equal(policy, 3000);
  });
});
