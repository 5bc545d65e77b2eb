import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// PPO over vectorized rollouts: each iteration plays num_steps steps in num_envs environments, then walks that rollout
// update_epochs times in minibatches. The update epochs multiply the steps and are no epochs of the run.
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const ppo = (rollout: string) => `import torch
import torch.nn as nn
import numpy as np

num_envs = 4
num_steps = 64
batch_size = num_envs * num_steps
minibatch_size = batch_size // 8
update_epochs = 3
num_updates = 10000 // batch_size
envs = None
agent = nn.Linear(4, 2)
optimizer = torch.optim.Adam(agent.parameters(), lr=3e-4)
for update in range(1, num_updates + 1):
${rollout}
    b_inds = np.arange(batch_size)
    for epoch in range(update_epochs):
        np.random.shuffle(b_inds)
        for start in range(0, batch_size, minibatch_size):
            mb_inds = b_inds[start:start + minibatch_size]
            loss = agent(torch.randn(minibatch_size, 4)).sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
`;

describe("training plan: PPO update epochs over a rollout (update-epochs.ts)", () => {
  it("counts update epochs into the steps, not as the run's epochs, when the loop around them steps the environments first", async () => {
    const plan = await planOf(ppo(`    for step in range(num_steps):
        next_obs, reward, done, info = envs.step(np.zeros(num_envs))`));
    assert.equal(plan.epochs, undefined);
    // 10000 // 256 = 39 updates × 3 update epochs × 8 minibatches.
    assert.equal(plan.steps?.value, 39 * 3 * 8);
    assert.match(plan.steps?.detail ?? "", /for epoch in range\(update_epochs\)/);
    assert.equal(plan.batch?.value, 32);
  });

  it("reads a rollout played by a method of a project object that steps its own environment", async () => {
    const plan = await planOf(`class Runner:
    def __init__(self, env):
        self.env = env

    def run(self):
        for _ in range(8):
            self.env.step(0)

runner = Runner(None)
` + ppo(`    runner.run()`));
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.steps?.value, 39 * 3 * 8);
  });

  it("keeps an epoch loop around a loop that steps no environment as the run's epochs", async () => {
    const plan = await planOf(ppo(`    b_obs = torch.randn(batch_size, 4)`));
    assert.equal(plan.epochs?.value, 3);
  });

  it("keeps epochs whose environment steps come after the updates (an evaluation) as the run's epochs", async () => {
    const text = ppo(`    pass`) + `    envs.step(np.zeros(num_envs))
`;
    const plan = await planOf(text);
    assert.equal(plan.epochs?.value, 3);
  });
});
