import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Learn-every-N whose gate is in the method the step loop calls on its own object, or on a range that does not start
// at zero: the optimizer steps are the passes the tests let through.
const agent = (loop: string, observe: string) => `import torch
import torch.nn as nn


class Agent:
    def __init__(self, net, learn_start, train_freq):
        self.net = net
        self.opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        self.learn_start = learn_start
        self.train_freq = train_freq

    def train(self, t_max):
        start = 0
${loop}

    def observe(self, obs):
${observe}

    def learn(self):
        loss = self.net(torch.randn(32, 4)).sum()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;

const main = `import torch.nn as nn
from agent import Agent

if __name__ == "__main__":
    agent = Agent(nn.Linear(4, 2), 50000, 4)
    agent.train(5000000)
`;

const planOf = async (agentText: string): Promise<TrainingPlan> => (await analyze(main, { others: { "/project/agent.py": agentText } })).training ?? {};

const GATED_OBSERVE = `        if self.t > self.learn_start:
            if self.t % self.train_freq == 0:
                self.learn()`;

describe("training plan: learn-every-N gates in a called method or on a shifted range (called-gates.ts)", () => {
  it("counts the passes of `for self.t in range(...)` that the called method's gates on self.t let through", async () => {
    const plan = await planOf(agent(`        for self.t in range(start, t_max):
            self.observe(torch.randn(4))`, GATED_OBSERVE));
    // t in 50,001..4,999,999 with t % 4 == 0: 50,004..4,999,996.
    assert.equal(plan.steps?.value, 1_237_499);
    assert.match(plan.steps?.detail ?? "", /self\.t > self\.learn_start and self\.t % self\.train_freq == 0/);
  });

  it("reads a gate beside the index of a range that does not start at zero as learn-every-N, not accumulation", async () => {
    const plan = await planOf(agent(`        for t in range(start, t_max):
            obs = torch.randn(4)
            if t > self.learn_start and t % self.train_freq == 0:
                self.learn()`, "        pass"));
    assert.equal(plan.steps?.value, 1_237_499);
    assert.equal(plan.accumulation, undefined);
  });

  it("leaves every pass stepping when the method's gate reads no index, and accumulation when backward is outside the gate", async () => {
    const ungated = await planOf(agent(`        for self.t in range(start, t_max):
            self.observe(torch.randn(4))`, `        if len(self.net.weight) > 1:
            self.learn()`));
    assert.equal(ungated.steps?.value, 5_000_000);
    const accumulated = await planOf(agent(`        for t in range(start, t_max):
            loss = self.net(torch.randn(32, 4)).sum()
            loss.backward()
            if t % self.train_freq == 0:
                self.opt.step()
                self.opt.zero_grad()`, "        pass"));
    assert.equal(accumulated.accumulation?.value, 4);
  });
});
