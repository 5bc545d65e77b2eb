import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Scripts written for these tests: an agent of another file trained under a learn-every-N gate on a budget of
// environment steps, episodes of unstated length (CartPole terminates by itself) inside `while total < budget:`
// (budget-gated-steps.ts). The main function names no training word: `agent.train()` beside gym's step makes it read.
const agent = `import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)


class Agent:
    def __init__(self, size):
        self.size = size
        self.net = Net()
        self.opt = torch.optim.Adam(self.net.parameters(), lr=1e-3)

    def train(self):
        x = torch.randn(self.size, 4)
        self.opt.zero_grad()
        self.net(x).pow(2).mean().backward()
        self.opt.step()
`;

const script = (inner: string) => `import gym
from agent import Agent

BUDGET = 10000
WARMUP = 1000
EVERY = 50


def main():
    env = gym.make("CartPole-v1")
    agent = Agent(64)
    total = 0
    while total < BUDGET:
        s = env.reset()
        done = False
        while not done:
            s, r, done, info = env.step(env.action_space.sample())
${inner}


if __name__ == "__main__":
    main()
`;

const run = async (inner: string) => {
  const result = await analyze(script(inner), { others: { "/project/agent.py": agent } });
  const model = result.models.find((m) => m.name === "agent.net");
  assert.ok(model, "agent.net is listed");
  const plan = trainingPlanOf(result, model);
  return { steps: plan && planOptimizerSteps(plan)?.value, notes: plan?.notes ?? [] };
};

describe("learn-every-N gates on a budget's counter (budget-gated-steps.ts)", () => {
  it("counts the counter values the gate lets through, each running the inner loop", async () => {
    // total is 1 .. 10,000 at the test: 1,000, 1,050, ..., 10,000 are 181 passes of 50 updates.
    const { steps, notes } = await run(`            total += 1
            if total >= WARMUP and total % EVERY == 0:
                for j in range(EVERY):
                    agent.train()`);
    assert.equal(steps, 9050);
    assert.ok(!notes.some((n) => n.startsWith("skipped by default")), notes.join("; "));
  });

  it("reads the counter before its increment where the gate comes first", async () => {
    // total is 0 .. 9,999 at the test: 1,000 .. 9,950 are 180 passes.
    const { steps } = await run(`            if total >= WARMUP and total % EVERY == 0:
                for j in range(EVERY):
                    agent.train()
            total += 1`);
    assert.equal(steps, 9000);
  });

  it("counts a step the gate holds straight in the episode loop", async () => {
    // 1,000 .. 10,000: 9,001 updates, not the budget's 10,000.
    const { steps } = await run(`            total += 1
            if total >= WARMUP:
                agent.train()`);
    assert.equal(steps, 9001);
  });

  it("gives no count where the gate reads something else than the counter", async () => {
    const { steps } = await run(`            total += 1
            if len(str(s)) >= WARMUP:
                for j in range(EVERY):
                    agent.train()`);
    assert.equal(steps, undefined);
  });
});
