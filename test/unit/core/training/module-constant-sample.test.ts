import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A method the step loop calls draws its buffer's batch with a constant of its own module (`BATCH = 96` at the top
// of learner.py, `self.memory.sample(BATCH)`): the batch is that constant, read where Python reads it
// (src/core/training/buffer-own-batch.ts moduleConstantSampleBatch).
const LEARNER = (local: string) => `import random
import torch

BATCH = 96


class Memory:
    def __init__(self):
        self.items = []

    def sample(self, n):
        return random.sample(self.items, n)


class Learner:
    def __init__(self, net, opt):
        self.net = net
        self.opt = opt
        self.memory = Memory()

    def optimize(self):
${local}        if len(self.memory.items) < BATCH:
            return
        rows = self.memory.sample(BATCH)
        x = torch.stack(rows)
        loss = self.net(x).pow(2).mean()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;

const SCRIPT = `import torch
from learner import Learner


class Walk:
    def reset(self):
        return torch.randn(4)

    def step(self, action):
        return torch.randn(4), 1.0, False, {}


env = Walk()
net = torch.nn.Linear(4, 2)
opt = torch.optim.RMSprop(net.parameters())
learner = Learner(net, opt)
for episode in range(30):
    obs = env.reset()
    for t in range(10):
        obs, reward, done, info = env.step(0)
        learner.memory.items.append(obs)
        learner.optimize()
`;

describe("a buffer drawn with a constant of the called method's module (src/core/training/buffer-own-batch.ts)", () => {
  it("reads the module's constant as the batch", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/learner.py": LEARNER("") } })).training ?? {};
    assert.equal(plan.batch?.value, 96);
  });

  it("leaves a name the method binds itself to its own value, not the module's", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/learner.py": LEARNER("        BATCH = len(self.memory.items) // 2\n") } })).training ?? {};
    assert.notEqual(plan.batch?.value, 96);
  });
});
