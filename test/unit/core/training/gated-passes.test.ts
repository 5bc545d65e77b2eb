import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Learn-every-N: a loop over environment steps updates only on the passes its gate lets through, each such pass
// running a loop of updates; the steps are those passes times the updates.
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const sac = (gate: string) => `import torch
import torch.nn as nn

total_steps = 100000
update_every = 50
update_after = 10000
batch_size = 100
q = nn.Linear(17, 1)
opt = torch.optim.Adam(q.parameters())
for t in range(total_steps):
    o = env.step(0)
    ${gate}
        for j in range(update_every):
            loss = q(torch.randn(batch_size, 17)).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
`;

describe("training plan: learn-every-N gates around an update loop (gated-passes.ts)", () => {
  it("counts the passes a period and a start let through, times the updates each makes", async () => {
    const plan = await planOf(sac("if t >= update_after and t % update_every == 0:"));
    // t in 10000..99999 with t % 50 == 0: 1,800 passes × 50 updates.
    assert.equal(plan.steps?.value, 1800 * 50);
    assert.match(plan.steps?.detail ?? "", /1,800 of its passes/);
  });

  it("reads a period on the index plus one and a strict start in nested ifs", async () => {
    const plan = await planOf(sac(`if t > update_after:
        if (t + 1) % update_every == 0:`).replace(/\n        for j/, "\n            for j").replace(/\n            (loss|opt)/g, "\n                $1"));
    // t in 10001..99999 with (t + 1) % 50 == 0: t = 10049, ..., 99999: 1,800 passes.
    assert.equal(plan.steps?.value, 1800 * 50);
  });

  it("leaves the loop's count when the gate reads no index (a buffer's length)", async () => {
    const plan = await planOf(sac("if len(buffer) > batch_size:").replace("total_steps = 100000", "total_steps = 100000\nbuffer = []"));
    assert.equal(plan.steps?.value, 100000 * 50);
  });

  it("counts a vectorized budget loop's gated passes from a counter that goes up by the number of environments", async () => {
    const text = `import torch
import torch.nn as nn

num_envs = 8
total_timesteps = 800000
train_freq = FREQ
learning_starts = 80000
q = nn.Linear(4, 2)
opt = torch.optim.Adam(q.parameters())
global_step = 0
while global_step < total_timesteps:
    obs, reward, done, info = envs.step(actions)
    global_step += num_envs
    if global_step > learning_starts and global_step % train_freq == 0:
        loss = q(torch.randn(32, 4)).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;
    // 100,000 passes; the counter after the increment is 8k, so a period of 4 holds on each pass and one of 16 on
    // every other; it passes 80,000 from k = 10,001.
    assert.equal((await planOf(text.replace("FREQ", "4"))).steps?.value, 90000);
    assert.equal((await planOf(text.replace("FREQ", "16"))).steps?.value, 45000);
  });

  // PPO updating every BATCH steps and at the episode's last step (written for these tests).
  function orGated(update: string, gate: string) {
    return `import gym
import torch
import torch.nn as nn
EP_MAX = 1000
EP_LEN = 200
BATCH = 32


class PPO:
    def __init__(self):
        self.net = nn.Linear(3, 1)
        self.opt = torch.optim.Adam(self.net.parameters(), lr=1e-3)

    def update(self, s):
${update}


env = gym.make('Pendulum-v1')
ppo = PPO()
for ep in range(EP_MAX):
    s = env.reset()
    buffer_s = []
    for t in range(EP_LEN):
        s_, r, done, _ = env.step(0)
        buffer_s.append(s)
        if ${gate}:
            ppo.update(torch.randn(len(buffer_s), 3))
            buffer_s = []
`;
  }
  const ONCE = "        self.opt.zero_grad()\n        self.net(s).sum().backward()\n        self.opt.step()";
  const TEN = "        for _ in range(10):\n            self.opt.zero_grad()\n            self.net(s).sum().backward()\n            self.opt.step()";

  it("`if (t + 1) % BATCH == 0 or t == EP_LEN - 1:` lets 7 of 200 passes through: 6 periods and the last step", async () => {
    const result = await analyze(orGated(ONCE, "(t + 1) % BATCH == 0 or t == EP_LEN - 1"));
    assert.strictEqual(result.training?.steps?.value, 1000 * 7);
  });

  it("the same gate around an update that loops 10 times makes 7 calls an episode of 10 steps each", async () => {
    const result = await analyze(orGated(TEN, "(t + 1) % BATCH == 0 or t == EP_LEN - 1"));
    assert.strictEqual(result.training?.steps?.value, 1000 * 7 * 10);
  });

  it("an `or` with a part that reads no index (`or done`) is not counted from the index", async () => {
    const result = await analyze(orGated(ONCE, "(t + 1) % BATCH == 0 or done"));
    assert.notStrictEqual(result.training?.steps?.value, 1000 * 7);
  });
});
