import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// An update method of another file with its own `for _ in range(self.rounds)` loop, called under an every-N gate
// inside `while not finished:` episodes (src/core/training/uncounted-call-repeats.ts): the rounds are each call's,
// not the run's epochs.
const planOf = async (text: string, others: Record<string, string>): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const LEARNER = `import numpy as np
import torch


class Critic(torch.nn.Module):
    def __init__(self, width):
        super().__init__()
        self.lin = torch.nn.Linear(width, 1)

    def forward(self, x):
        return self.lin(x)


class Learner:
    def __init__(self, width, rounds=6, chunk=24):
        self.critic = Critic(width)
        self.opt = torch.optim.Adam(self.critic.parameters(), lr=0.001)
        self.rounds = rounds
        self.chunk = chunk
        self.kept = []

    def keep(self, row):
        self.kept.append(row)

    def update(self):
        for _ in range(self.rounds):
            rows = torch.tensor(np.array(self.kept), dtype=torch.float32)
            for start in range(0, len(rows), self.chunk):
                part = rows[start:start + self.chunk]
                loss = self.critic(part).pow(2).mean()
                self.opt.zero_grad()
                loss.backward()
                self.opt.step()
        self.kept = []
`;

const SCRIPT = (around: string) => `import gymnasium as gym
from learner import Learner

if __name__ == "__main__":
    env = gym.make("Acrobot-v1")
    learner = Learner(6, rounds=5, chunk=24)
    moves = 0
${around}`;

const WHILE = `    for game in range(300):
        state, _ = env.reset()
        finished = False
        while not finished:
            state, reward, ended, cut, _ = env.step(env.action_space.sample())
            finished = ended or cut
            learner.keep(state)
            moves += 1
            if moves % 40 == 0:
                learner.update()
`;

const ONCE = `    for game in range(300):
        state, _ = env.reset()
        finished = False
        while not finished:
            state, reward, ended, cut, _ = env.step(env.action_space.sample())
            finished = ended or cut
            learner.keep(state)
    learner.update()
`;

const FILES = { "/project/learner.py": LEARNER };

describe("a called update's own loop, repeated by a loop of uncounted passes", () => {
  it("does not take the update's rounds as the run's epochs when `while not finished:` repeats the call", async () => {
    const plan = await planOf(SCRIPT(WHILE), FILES);
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.steps, undefined);
    assert.ok(plan.notes?.some((n) => n.includes("while not finished") && n.includes("one call's")), JSON.stringify(plan.notes));
  });

  it("keeps the update's rounds as the run's epochs where the script calls it once", async () => {
    const plan = await planOf(SCRIPT(ONCE), FILES);
    assert.equal(plan.epochs?.value, 5);
  });
});
