import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Scripts written for these tests: a rollout agent of another file whose train() runs K epochs of minibatches over the
// T steps it stored, called every T environment steps of episodes inside a budget (budget-gated-steps.ts, the rollout
// counter read as the budget's).
const agent = `import math
import numpy as np
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)


class Agent:
    def __init__(self, horizon, size, k):
        self.size = size
        self.k = k
        self.net = Net()
        self.opt = torch.optim.Adam(self.net.parameters(), lr=1e-3)
        self.states = np.zeros((horizon, 4), dtype=np.float32)

    def train(self):
        s = torch.from_numpy(self.states)
        n = int(math.ceil(s.shape[0] / self.size))
        for _ in range(self.k):
            for i in range(n):
                part = slice(i * self.size, min((i + 1) * self.size, s.shape[0]))
                self.opt.zero_grad()
                self.net(s[part]).pow(2).mean().backward()
                self.opt.step()
`;

const script = (reset: string) => `import gym
from agent import Agent

BUDGET = 100000
HORIZON = 2048


def main():
    env = gym.make("CartPole-v1")
    agent = Agent(HORIZON, 64, 10)
    filled, total = 0, 0
    while total < BUDGET:
        s = env.reset()
        done = False
        while not done:
            s, r, done, info = env.step(env.action_space.sample())
            filled += 1
            total += 1
            if filled % HORIZON == 0:
                agent.train()
${reset}


if __name__ == "__main__":
    main()
`;

const planOf = async (reset: string) => {
  const result = await analyze(script(reset), { others: { "/project/agent.py": agent } });
  const model = result.models.find((m) => m.name === "agent.net");
  assert.ok(model, "agent.net is listed");
  return trainingPlanOf(result, model);
};

describe("an agent's train() called every T steps of a rollout inside a budget (budget-gated-steps.ts)", () => {
  it("multiplies the update's steps by the calls the budget makes", async () => {
    const plan = await planOf("                filled = 0");
    // ⌊100,000 / 2,048⌋ = 48 calls of 10 × 32 minibatches of 64.
    assert.equal(plan && planOptimizerSteps(plan)?.value, 15360);
    assert.equal(plan?.batch?.value, 64);
    // The update's 10 epochs are over each call's rollout, not the run's.
    assert.equal(plan?.epochs, undefined);
  });

  it("leaves the calls uncounted where the rollout counter is not reset with the update", async () => {
    const plan = await planOf("                pass");
    assert.notEqual(plan && planOptimizerSteps(plan)?.value, 15360);
  });
});
