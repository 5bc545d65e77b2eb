import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An agent written for these tests, in a file of its own: a plain class whose train(n) updates its network n times.
const agentFile = `import torch
from torch import nn, optim


class Agent:
    def __init__(self, width=8):
        self.width = width
        self.policy = nn.Sequential(nn.Linear(width, 32), nn.Tanh(), nn.Linear(32, 2))
        self.opt = optim.SGD(self.policy.parameters(), lr=0.01)

    def train(self, rounds):
        for r in range(rounds):
            self.update()

    def update(self):
        x = torch.randn(16, self.width)
        loss = self.policy(x).pow(2).mean()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;

// The script names no training word: it builds the agent and hands its train method a count.
const script = `import gym
from agent_lib import Agent

env = gym.make("CartPole-v1")
agent = Agent()
agent.train(300)
`;

describe("a script whose only training is obj.train(n) on an object of another file's class (code-sites.ts OWN_TRAIN_CALL)", () => {
  it("reads the run that method takes", async () => {
    const run = (await analyze(script, { others: { "/project/agent_lib.py": agentFile } })).training;
    assert.equal(run?.steps?.value, 300, JSON.stringify(run));
    assert.ok(run?.steps?.detail.includes("agent.train(300)"), JSON.stringify(run?.steps));
  });
});
