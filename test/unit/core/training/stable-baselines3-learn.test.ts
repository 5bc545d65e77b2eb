import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// `model.learn(total_timesteps=N)` runs SB3's own loop: the gradient steps and their batch come from the algorithm's
// settings (stable-baselines3-learn.ts), worked out here by hand from SB3 2.x's learn and train loops.
async function run(text: string): Promise<{ steps: number | undefined; batch: number | undefined; epochs: number | undefined }> {
  const training = (await analyze(text)).training;
  return { steps: training?.steps?.value, batch: training?.batch?.value, epochs: training?.epochs?.value };
}

describe("Stable-Baselines3's learn(total_timesteps) as a training run (stable-baselines3-learn.ts)", function () {
  this.timeout(60_000);

  it("PPO: ceil(N / (n_steps · n_envs)) rollouts, each n_epochs passes of minibatches of batch_size", async () => {
    const got = await run(`from stable_baselines3 import PPO
from stable_baselines3.common.env_util import make_vec_env
env = make_vec_env("CartPole-v1", n_envs=8)
model = PPO("MlpPolicy", env, n_steps=256, batch_size=512, n_epochs=4)
model.learn(total_timesteps=1_000_000)
`);
    // rollouts of 256 · 8 = 2,048 timesteps: ceil(1e6 / 2048) = 489; 2,048 / 512 = 4 minibatches, 4 epochs.
    assert.deepEqual(got, { steps: 489 * 4 * 4, batch: 512, epochs: undefined });
  });

  it("PPO's defaults on one environment", async () => {
    const got = await run(`import gymnasium as gym
from stable_baselines3 import PPO
model = PPO("MlpPolicy", gym.make("CartPole-v1"), verbose=1)
model.learn(50_000)
`);
    // n_steps 2048, batch_size 64, n_epochs 10: ceil(50,000 / 2,048) = 25 rollouts of 32 minibatches, 10 epochs.
    assert.deepEqual(got, { steps: 25 * 10 * 32, batch: 64, epochs: undefined });
  });

  it("A2C: one step on each whole rollout", async () => {
    const got = await run(`from stable_baselines3 import A2C
from stable_baselines3.common.vec_env import DummyVecEnv
import gymnasium as gym
env = DummyVecEnv([lambda: gym.make("Acrobot-v1") for _ in range(4)])
A2C("MlpPolicy", env).learn(total_timesteps=100_000)
`);
    assert.deepEqual(got, { steps: 100_000 / 20, batch: 20, epochs: undefined });
  });

  it("off-policy: gradient steps after learning_starts, one per train_freq steps; an episode frequency is unknown", async () => {
    const dqn = await run(`from stable_baselines3 import DQN
model = DQN("MlpPolicy", "CartPole-v1", learning_starts=5_000, train_freq=8, gradient_steps=2)
model.learn(total_timesteps=100_000)
`);
    // 12,500 rollouts of 8 steps; the first 625 end at or below 5,000 timesteps; 2 steps after each other one.
    assert.deepEqual(dqn, { steps: (12_500 - 625) * 2, batch: 32, epochs: undefined });
    const sac = await run(`from stable_baselines3 import SAC
model = SAC("MlpPolicy", "Pendulum-v1", batch_size=128, train_freq=(1, "episode"))
model.learn(total_timesteps=20_000)
`);
    assert.deepEqual(sac, { steps: undefined, batch: 128, epochs: undefined });
  });

  it("learn() in a counted loop trains its timesteps each turn; in a while loop the turns are unknown", async () => {
    const counted = await run(`from stable_baselines3 import PPO
model = PPO("MlpPolicy", "CartPole-v1", n_steps=1000, batch_size=100, n_epochs=5)
TIMESTEPS = 10_000
for i in range(1, 31):
    model.learn(total_timesteps=TIMESTEPS, reset_num_timesteps=False)
    model.save(f"models/{TIMESTEPS * i}")
`);
    // 10 rollouts of 1,000 a call, 5 epochs of 10 minibatches: 500 steps a call, 30 calls.
    assert.deepEqual(counted, { steps: 30 * 500, batch: 100, epochs: undefined });
    const open = await run(`from stable_baselines3 import PPO
model = PPO("MlpPolicy", "CartPole-v1")
while True:
    model.learn(total_timesteps=10_000, reset_num_timesteps=False)
`);
    assert.equal(open.steps, undefined);
    const notes = (await analyze(`from stable_baselines3 import PPO
model = PPO("MlpPolicy", "CartPole-v1")
while True:
    model.learn(total_timesteps=10_000, reset_num_timesteps=False)
`)).training?.notes ?? [];
    assert.ok(notes.some((n) => n.startsWith("steps: model.learn(") && n.includes("turns the code does not state")), notes.join("\n"));
  });

  it("an environment whose spaces are unknown: the run's figures stand, and a note says why no policy carries them", async () => {
    const result = await analyze(`from stable_baselines3 import PPO
from my_envs import TradingEnv
model = PPO("MlpPolicy", TradingEnv())
model.learn(total_timesteps=10_000)
`);
    assert.equal(result.training?.steps?.value, 5 * 10 * 32);
    assert.ok(result.training?.notes?.some((n) => n.startsWith("model: PPO's policy is not built: the observation and action spaces")), (result.training?.notes ?? []).join("\n"));
  });

  it("a learn() of something else (a class of the script's own) is not read as SB3's", async () => {
    const got = await run(`import torch
from stable_baselines3 import PPO


class Agent:
    def learn(self, total_timesteps):
        return self


Agent().learn(total_timesteps=1000)
`);
    assert.deepEqual(got, { steps: undefined, batch: undefined, epochs: undefined });
  });
});
