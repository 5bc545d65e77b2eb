import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// An RL agent whose replay buffer keeps its own batch size (the buffer's constructor takes it, its `sample()` takes no
// argument), driven by an episode helper of another file that calls `agent.step(...)`: the agent's own `step` stores
// the transition and learns through `self.learn(...)`.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const buffer = (draw: string) => `import random
import numpy as np
from collections import deque

class Replay:
    def __init__(self, capacity, batch_size):
        self.items = deque(maxlen=capacity)
        self.batch_size = batch_size

    def add(self, item):
        self.items.append(item)

    def sample(self):
        ${draw}

    def __len__(self):
        return len(self.items)
`;

const AGENT = `import torch
import torch.nn as nn
from replay import Replay

class Learner:
    def __init__(self, n_in, n_out, batch_size=48, every=4):
        self.net = nn.Linear(n_in, n_out)
        self.opt = torch.optim.Adam(self.net.parameters(), lr=1e-3)
        self.memory = Replay(10000, batch_size)
        self.every = every
        self.t = 0

    def step(self, s, a, r, s2, done):
        self.memory.add((s, a, r, s2, done))
        self.t = (self.t + 1) % self.every
        if self.t == 0 and len(self.memory) > 100:
            self.learn(self.memory.sample())

    def learn(self, batch):
        loss = self.net(torch.randn(4, 3)).pow(2).mean()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;

const LOOPS = `def train_episodes(agent, env, n_episodes=30, max_t=200):
    for i in range(n_episodes):
        s = env.reset()
        for t in range(max_t):
            a = 0
            s2, r, done, _ = env.step(a)
            agent.step(s, a, r, s2, done)
            s = s2
`;

const SCRIPT = (make: string) => `from loops import train_episodes
from agent import Learner

env = None
agent = ${make}
scores = train_episodes(agent, env)
`;

describe("a replay buffer's own batch size (src/core/training/buffer-own-batch.ts)", () => {
  for (const [name, draw] of [
    ["random.sample(..., k=self.batch_size)", "return random.sample(self.items, k=self.batch_size)"],
    ["np.random.choice(n, self.batch_size)", "return np.random.choice(len(self.items), self.batch_size)"],
  ] as const) {
    it(`reads the count the buffer's constructor was given, drawn by ${name}`, async () => {
      const others = { "/project/replay.py": buffer(draw), "/project/agent.py": AGENT, "/project/loops.py": LOOPS };
      const plan = await planOf(SCRIPT("Learner(3, 2)"), others);
      assert.equal(plan.batch?.value, 48);
      assert.match(plan.batch!.detail, /agent\.memory\.sample\(\) draws self\.batch_size = 48/);
      // The agent's own argument, not its default, when the script passes one.
      assert.equal((await planOf(SCRIPT("Learner(3, 2, batch_size=256)"), others)).batch?.value, 256);
    });
  }

  it("an episode helper of another file with no training words trains through the agent's step method", async () => {
    const others = { "/project/replay.py": buffer("return random.sample(self.items, k=self.batch_size)"), "/project/agent.py": AGENT, "/project/loops.py": LOOPS };
    const plan = await planOf(SCRIPT("Learner(3, 2)"), others);
    // 30 episodes of at most 200 steps, each a call of agent.step.
    assert.match(plan.steps?.detail ?? "", /train_episodes\(agent, env\) runs train_episodes in loops\.py/);
  });

  it("gives no batch when the buffer's sample draws a count it does not keep", async () => {
    const others = { "/project/replay.py": buffer("return random.sample(self.items, k=32 if len(self.items) > 64 else 1)"), "/project/agent.py": AGENT, "/project/loops.py": LOOPS };
    assert.equal((await planOf(SCRIPT("Learner(3, 2)"), others)).batch, undefined);
  });

  it("an environment's or optimizer's step is no agent step: a helper that only steps the environment trains nothing", async () => {
    const others = { "/project/replay.py": buffer("return random.sample(self.items, k=self.batch_size)"), "/project/agent.py": AGENT, "/project/loops.py": LOOPS.replace("            agent.step(s, a, r, s2, done)\n", "") };
    const plan = await planOf(SCRIPT("Learner(3, 2)"), others);
    assert.equal(plan.steps, undefined);
    assert.equal(plan.batch, undefined);
  });

  it("reads the count a loop hands the method that draws from its buffer: the call's argument, else the parameter's default", async () => {
    const script = (call: string) => `import numpy as np
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)

class Buffer:
    def __init__(self):
        self.states = np.zeros((100000, 4))

    def sample(self, batch_size):
        ind = np.random.randint(0, 100000, size=batch_size)
        return torch.FloatTensor(self.states[ind])

class Learner:
    def __init__(self):
        self.net = Net()
        self.opt = torch.optim.Adam(self.net.parameters())

    def update(self, buffer, batch_size=64):
        x = buffer.sample(batch_size)
        loss = self.net(x).pow(2).mean()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()

learner = Learner()
buffer = Buffer()
for t in range(5000):
    ${call}
`;
    const given = await planOf(script("learner.update(buffer, 128)"));
    assert.equal(given.batch?.value, 128);
    assert.match(given.batch?.detail ?? "", /learner\.update\(buffer, 128\) draws buffer\.sample\(batch_size\) with batch_size = 128/);
    assert.equal(given.steps?.value, 5000);
    assert.equal((await planOf(script("learner.update(buffer)"))).batch?.value, 64);
    assert.equal((await planOf(script("learner.update(buffer, batch_size=32)"))).batch?.value, 32);
  });
});

// An agent whose own method runs the loop and learns through `self.update()`, its buffer drawing indices with
// torch.randint and a size tuple of its own batch size.
describe("a replay buffer's own batch, drawn in a loop of the agent's own method (buffer-own-batch.ts)", () => {
  const agent = (draw: string) => `import torch
import torch.nn as nn


class Buffer:
    def __init__(self, size, batch_size):
        self.size = size
        self.batch_size = batch_size
        self.states = torch.zeros(size, 3)

    def sample(self):
        ${draw}
        return self.states[idx]


class Agent:
    def __init__(self, batch_size=96):
        self.net = nn.Linear(3, 1)
        self.opt = torch.optim.Adam(self.net.parameters(), lr=1e-3)
        self.buffer = Buffer(5000, batch_size)

    def update(self):
        s = self.buffer.sample()
        loss = self.net(s).pow(2).mean()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()

    def run(self, n):
        for t in range(n):
            self.update()
`;
  const script = `from agent import Agent


def main():
    agent = Agent()
    agent.run(500)


if __name__ == "__main__":
    main()
`;

  it("reads torch.randint's size tuple of the buffer's batch size through self.update()", async () => {
    const plan = await planOf(script, { "/project/agent.py": agent("idx = torch.randint(0, self.size, (self.batch_size,))") });
    assert.equal(plan.batch?.value, 96);
    assert.equal(plan.steps?.value, 500);
  });

  it("reads no batch from a draw of a size the buffer does not keep", async () => {
    const plan = await planOf(script, { "/project/agent.py": agent("idx = torch.randint(0, self.size, (7, 2))") });
    assert.notEqual(plan.batch?.value, 96);
  });
});
