import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// An n-step actor-critic worker: each update plays `num_steps` steps of its one environment, then backpropagates the
// loss over them once, so the update's batch is that rollout.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const PLAYER = `class Player:
    def __init__(self, env, model):
        self.env = env
        self.model = model
        self.rewards = []

    def act(self):
        action = 0
        self._play(action)

    def _play(self, action):
        state, reward, done, info = self.env.step(action)
        self.rewards.append(reward)
`;

const script = (rollout: string, extra = "") => `import torch
import torch.nn as nn
from player import Player

num_steps = 12
env = None
model = nn.Linear(4, 2)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
player = Player(env, model)
${extra}
for update in range(1000):
${rollout}
    loss = model(torch.randn(1, 4)).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
`;

describe("an n-step rollout before each update (src/core/training/rollout-batch.ts)", () => {
  it("reads the rollout's length when a method of the player steps the environment", async () => {
    const plan = await planOf(script("    for step in range(num_steps):\n        player.act()"), { "/project/player.py": PLAYER });
    assert.equal(plan.batch?.value, 12);
    assert.match(plan.batch!.detail, /rollout of for \.\.\. in range\(num_steps\): 12 steps of one environment/);
    assert.equal(plan.steps?.value, 1000);
  });

  it("reads it when the loop steps the environment itself", async () => {
    const plan = await planOf(script("    for step in range(num_steps):\n        s, r, d, _ = env.step(0)"));
    assert.equal(plan.batch?.value, 12);
  });

  it("reads no rollout when each update plays a whole episode (the environment reset on every pass)", async () => {
    const plan = await planOf(script("    s = env.reset()\n    for step in range(num_steps):\n        s, r, d, _ = env.step(0)\n        if d:\n            break"));
    assert.equal(plan.batch, undefined);
  });

  it("reads no rollout from a loop that steps no environment (an RNN unrolled over time), nor with vectorized environments", async () => {
    assert.equal((await planOf(script("    for t in range(num_steps):\n        h = model(torch.randn(1, 4))"))).batch, undefined);
    // Eight environments stepped at once: the rollout is 12 × 8 transitions, which this rule does not count.
    const vec = "class SubprocVecEnv:\n    def __init__(self, fns):\n        self.n = len(fns)\n\n    def step(self, actions):\n        return None, None, None, None\n";
    const vectorized = await planOf(script("    for step in range(num_steps):\n        s, r, d, _ = env.step(0)", "from vec import SubprocVecEnv\nenv = SubprocVecEnv([None] * 8)"), { "/project/vec.py": vec });
    assert.equal(vectorized.batch, undefined);
  });
});

describe("training plan: an update every N environment steps of the transitions gathered since the last (rollout-batch.ts)", () => {
  const worker = (reset: string) => `import torch
import torch.nn as nn
import gym

UPDATE_ITER = 5
env = gym.make("CartPole-v0")
net = nn.Linear(4, 2)
opt = torch.optim.Adam(net.parameters())

def push(opt, net, bs, br):
    loss = net(torch.tensor(bs)).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()

total_step = 1
for ep in range(300):
    s = env.reset()
    buffer_s, buffer_r = [], []
    while True:
        s_, r, done, _ = env.step(0)
        buffer_s.append(s)
        buffer_r.append(r)
        if total_step % UPDATE_ITER == 0 or done:
            push(opt, net, buffer_s, buffer_r)
${reset}
            if done:
                break
        s = s_
        total_step += 1
`;

  it("takes N as the batch when the gated update empties the lists the loop appends to", async () => {
    const plan = await planOf(worker("            buffer_s, buffer_r = [], []"));
    assert.equal(plan.batch?.value, 5);
    assert.match(plan.batch?.detail ?? "", /every UPDATE_ITER = 5 steps/);
  });

  it("reads no such batch when the lists are kept (an update over everything gathered so far)", async () => {
    const plan = await planOf(worker("            pass"));
    assert.notEqual(plan.batch?.value, 5);
  });
});
