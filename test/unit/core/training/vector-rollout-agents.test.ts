import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Agents driven by a runner of another file over a gym vector environment: `while t < total: ... agent.learn(); t +=
// len(obs)` (src/core/training/vector-env-stride.ts), an on-policy update that waits for a full rollout and empties it
// (rollout-gate.ts), an off-policy update whose `for k in range(passes)` the call leaves at 1 (single-pass-loop.ts),
// and the batch its buffer draws with the update's own parameter (buffer-own-batch.ts `passedSampleBatch`).
const planOf = async (text: string, others: Record<string, string>): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const RUNNER = `def run(agent, envs, budget):
    t = 0
    obs = envs.reset()
    while t < budget:
        acts = agent.choose(obs)
        new_obs, rew, ends, info = envs.step(acts)
        agent.store(obs, acts, rew, new_obs, ends)
        agent.learn()
        t += len(obs)
        obs = new_obs
    return t
`;

const NET = `import torch


class Body(torch.nn.Module):
    def __init__(self, width, outs):
        super().__init__()
        self.lin = torch.nn.Linear(width, outs)

    def forward(self, x):
        return self.lin(x)
`;

/** A replay memory that keeps every transition and draws `count` at random. */
const OFF_POLICY = `import numpy as np
import torch
from net import Body


class Memory:
    def __init__(self, rows, width):
        self.x = np.zeros((rows, width), dtype=np.float32)
        self.filled = 0

    def put(self, x):
        self.x[self.filled] = x
        self.filled += 1

    def sample(self, count):
        picks = np.random.randint(0, self.filled, size=count)
        return torch.as_tensor(self.x[picks])


class Learner:
    def __init__(self, width, outs):
        self.memory = Memory(50000, width)
        self.body = Body(width, outs)
        self.opt = torch.optim.SGD(self.body.parameters(), lr=0.01)

    def choose(self, obs):
        return 0

    def store(self, obs, acts, rew, new_obs, ends):
        for row in obs:
            self.memory.put(row)

    def learn(self, count=48, passes=1):
        if count > self.memory.filled:
            return
        for k in range(passes):
            x = self.memory.sample(count)
            loss = self.body(x).pow(2).mean()
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
`;

/** A rollout store that counts the passes it holds and is emptied when read. */
const ON_POLICY = `import torch
from net import Body


class Rollout:
    def __init__(self):
        self.clear()

    def clear(self):
        self.items = []
        self.size = 0

    def add(self, item):
        self.items.append(item)
        self.size += 1

    def take(self):
        items = self.items
        self.clear()
        return items


class Learner:
    def __init__(self, width, outs):
        self.rollout = Rollout()
        self.body = Body(width, outs)
        self.opt = torch.optim.Adam(self.body.parameters(), lr=0.001)

    def choose(self, obs):
        return 0

    def store(self, obs, acts, rew, new_obs, ends):
        self.rollout.add(obs)

    def learn(self):
        if self.rollout.size < 32:
            return
        x = torch.FloatTensor(self.rollout.take())
        loss = self.body(x).pow(2).mean()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;

const SCRIPT = (module: string, envs: string) => `import gym
from ${module} import Learner
from runner import run

if __name__ == "__main__":
    envs = ${envs}
    learner = Learner(envs.single_observation_space.shape[0], envs.single_action_space.n)
    run(learner, envs, 64000)
`;

const FILES = { "/project/runner.py": RUNNER, "/project/net.py": NET, "/project/offpolicy.py": OFF_POLICY, "/project/onpolicy.py": ON_POLICY };
const VECTOR = `gym.vector.make("CartPole-v1", num_envs=8)`;

describe("agents run by a loop of another file over a gym vector environment", () => {
  it("counts `t += len(obs)` as the vector environment's number of environments a pass", async () => {
    const plan = await planOf(SCRIPT("offpolicy", VECTOR), FILES);
    assert.equal(plan.steps?.value, 64000 / 8);
  });

  it("takes an update whose `for k in range(passes)` the call leaves at its default of 1 as one step a call", async () => {
    const plan = await planOf(SCRIPT("offpolicy", VECTOR), FILES);
    assert.ok(plan.steps?.value !== undefined);
    const looping = OFF_POLICY.replace("def learn(self, count=48, passes=1):", "def learn(self, count=48, passes=4):");
    const many = await planOf(SCRIPT("offpolicy", VECTOR), { ...FILES, "/project/offpolicy.py": looping });
    assert.notEqual(many.steps?.value, 64000 / 8);
  });

  it("reads the batch the update's buffer draws with the update's own parameter default", async () => {
    const plan = await planOf(SCRIPT("offpolicy", VECTOR), FILES);
    assert.equal(plan.batch?.value, 48);
  });

  it("steps once a full rollout, emptied by the update: passes / rollout length, each over the rollout's rows", async () => {
    const plan = await planOf(SCRIPT("onpolicy", VECTOR), FILES);
    assert.equal(plan.steps?.value, Math.floor(64000 / 8 / 32));
    assert.equal(plan.batch?.value, 32 * 8);
  });

  it("multiplies by the update's own repeat loop over the rollout (`for _ in range(rounds)`, rounds=4 by default)", async () => {
    const repeating = ON_POLICY.replace("    def learn(self):", "    def learn(self, rounds=4):").replace(
      "        x = torch.FloatTensor(self.rollout.take())\n        loss = self.body(x).pow(2).mean()\n        self.opt.zero_grad()\n        loss.backward()\n        self.opt.step()",
      "        x = torch.FloatTensor(self.rollout.take())\n        for _ in range(rounds):\n            loss = self.body(x).pow(2).mean()\n            self.opt.zero_grad()\n            loss.backward()\n            self.opt.step()");
    const plan = await planOf(SCRIPT("onpolicy", VECTOR), { ...FILES, "/project/onpolicy.py": repeating });
    assert.equal(plan.steps?.value, Math.floor(64000 / 8 / 32) * 4);
    assert.equal(plan.batch?.value, 32 * 8);
  });

  it("keeps every pass a step where the rollout store is never emptied", async () => {
    const kept = ON_POLICY.replace("        items = self.items\n        self.clear()\n        return items", "        return self.items");
    const plan = await planOf(SCRIPT("onpolicy", VECTOR), { ...FILES, "/project/onpolicy.py": kept });
    assert.equal(plan.steps?.value, 64000 / 8);
  });
});
