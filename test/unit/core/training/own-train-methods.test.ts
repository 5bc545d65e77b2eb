import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A `train(...)` given arguments other than nn.Module's one `mode` bool is the project's own method, which may take
// a training step (stepping-calls.ts): off-policy RL's `policy.train(replay_buffer, args.batch_size)` after each
// environment step makes the loop around it the run's step loop (src/core/training/training-plan.ts, ownTrainMethod).
const planOf = async (text: string, others: Record<string, string>): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const agent = (signature: string) => `import torch
import torch.nn as nn


class Agent(object):
    def __init__(self, obs_dim, act_dim):
        self.q = nn.Linear(obs_dim, act_dim)
        self.opt = torch.optim.Adam(self.q.parameters(), lr=1e-3)

    def act(self, obs):
        return self.q(obs).argmax()

    def train(self, ${signature}):
        obs = torch.randn(64, 8)
        loss = self.q(obs).pow(2).mean()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;

const script = (call: string) => `import argparse
import torch
from agent import Agent

parser = argparse.ArgumentParser()
parser.add_argument("--max_timesteps", default=3e3, type=int)
parser.add_argument("--warmup", default=5e2, type=int)
parser.add_argument("--batch_size", default=128, type=int)
args = parser.parse_args()

agent = Agent(8, 2)
memory = []
obs = torch.zeros(8)
for t in range(int(args.max_timesteps)):
    action = agent.act(obs)
    memory.append((obs, action))
    if t >= args.warmup:
        ${call}
`;

describe("a project's own train(...) method that steps once (own train methods)", () => {
  it("`agent.train(memory, args.batch_size)` is one optimizer step per call, from the first index `t >= warmup` passes (a float default compared as Python does)", async () => {
    const plan = await planOf(script("agent.train(memory, args.batch_size)"), { "/project/agent.py": agent("memory, batch_size=64") });
    // argparse leaves `default=5e2, type=int` the float 500.0: indexes 500 to 2,999 take one update each.
    assert.equal(plan.steps?.value, 2500);
    assert.equal(plan.batch?.value, 128);
  });

  it("`agent.train(True)`, nn.Module's mode switch by its signature, is not a training step", async () => {
    const plan = await planOf(script("agent.train(True)"), { "/project/agent.py": agent("mode=True") });
    assert.notEqual(plan.steps?.value, 2500);
    assert.notEqual(plan.steps?.value, 3000);
  });
});
