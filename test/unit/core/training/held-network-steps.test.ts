import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// An agent whose `update(iter, n)` loops `iter` times over a helper that steps a network it holds
// (`self.update_critic(...)` → `self.critic.fit_step(...)`, the optimizer built in the network's `__init__`), called
// once an epoch from a function of the script (src/core/training/delegated-training.ts `stepsOnce`,
// stepping-calls.ts `heldMethod`, foreign-loops.ts `ownMethodCall`): the run's steps are epochs × iter.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const CRITIC = `import torch


class Critic(torch.nn.Module):
    def __init__(self, width):
        super().__init__()
        self.body = torch.nn.Linear(width, 1)
        self.opt = torch.optim.SGD(self.parameters(), lr=0.01)

    def forward(self, x):
        return self.body(x)

    def fit_step(self, x, target):
        self.opt.zero_grad()
        loss = ((self.forward(x) - target) ** 2).mean()
        loss.backward()
        self.opt.step()
        return loss.item()
`;

const AGENT = `import torch
from critic import Critic


class Store:
    def __init__(self):
        self.rows = torch.randn(5000, 6)

    def draw(self, rows, count):
        order = torch.randperm(rows.shape[0])
        return rows[order][0:count]


class Agent:
    def __init__(self, width):
        self.store = Store()
        self.critic = Critic(width)

    def update_critic(self, x):
        return self.critic.fit_step(x, torch.zeros(x.shape[0], 1))

    def update(self, iter=5, n=64):
        for k in range(iter):
            x = self.store.draw(self.store.rows, n)
            self.update_critic(x)
`;

const SCRIPT = (update: string) => `from agent import Agent


class Walk:
    def reset(self):
        return 0

    def step(self, action):
        return 0, 1.0, False, {}


def train(env, agent, rounds=3, horizon=50):
    for r in range(rounds):
        obs = env.reset()
        for t in range(horizon):
            obs, reward, done, info = env.step(0)
            if done:
                break
        ${update}


agent = Agent(6)
history = train(Walk(), agent, rounds=40, horizon=100)
`;

const OTHERS = { "/project/critic.py": CRITIC, "/project/agent.py": AGENT };

describe("a network an agent holds, stepped once a call from the agent's update loop (src/core/training/delegated-training.ts)", () => {
  it("counts the update loop's passes once a round: rounds × iter optimizer steps", async () => {
    const plan = await planOf(SCRIPT("agent.update(iter=7, n=32)"), OTHERS);
    assert.equal(plan.steps?.value, 40 * 7);
  });

  it("reads the batch as the head of a random permutation the store's draw keeps", async () => {
    const plan = await planOf(SCRIPT("agent.update(iter=7, n=32)"), OTHERS);
    assert.equal(plan.batch?.value, 32);
  });

  it("takes the method's defaults where the call gives none", async () => {
    const plan = await planOf(SCRIPT("agent.update()"), OTHERS);
    assert.equal(plan.steps?.value, 40 * 5);
    assert.equal(plan.batch?.value, 64);
  });

  it("leaves the steps to a note where the held method loops itself (one call is not one step)", async () => {
    const looping = CRITIC.replace("        self.opt.zero_grad()\n        loss", "        for _ in range(3):\n            self.opt.zero_grad()\n            loss").replace("        loss.backward()\n        self.opt.step()", "            loss.backward()\n            self.opt.step()");
    const plan = await planOf(SCRIPT("agent.update(iter=7, n=32)"), { ...OTHERS, "/project/critic.py": looping });
    assert.notEqual(plan.steps?.value, 40 * 7);
  });
});
