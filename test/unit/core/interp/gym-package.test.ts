import assert from "node:assert/strict";
import { GYM_ENVIRONMENTS } from "../../../../src/core/interp/gym-package";
import { analyze, modelNamed } from "../../helpers/analyze";

// Networks sized from a Gym environment's spaces (src/core/interp/gym-package.ts) are built with the table's sizes.
describe("gym and gymnasium environments as spaces", () => {
  it("a Q-network sized by a discrete env's observation and action spaces has its layers", async () => {
    const { observation, action } = GYM_ENVIRONMENTS["LunarLander-v2"];
    assert.ok("box" in observation && "discrete" in action);
    const result = await analyze(`import gym
import torch.nn as nn

env = gym.make("LunarLander-v2")
q = nn.Sequential(nn.Linear(env.observation_space.shape[0], 64), nn.ReLU(), nn.Linear(64, env.action_space.n))
`);
    // 8 observations, 4 actions: (8 × 64 + 64) + (64 × 4 + 4).
    assert.equal(modelNamed(result, "q").params, observation.box[0] * 64 + 64 + 64 * action.discrete + action.discrete);
    assert.equal(modelNamed(result, "q").complete, true);
  });

  it("gymnasium's continuous env gives its action shape, and its episode cap through spec", async () => {
    const result = await analyze(`import gymnasium as gym
import torch.nn as nn

env = gym.make("Pendulum-v1")
actor = nn.Linear(env.observation_space.shape[0] * env.spec.max_episode_steps, env.action_space.shape[0])
`);
    // 3 observations × 200 steps in, 1 action out.
    assert.equal(modelNamed(result, "actor").params, 3 * 200 + 1);
  });

  it("a script's own environment that calls super().__init__() and sets its spaces sizes the network", async () => {
    // Env.__init__ took the table's arguments, so a subclass's bare super().__init__() raised and nothing was built.
    const result = await analyze(`import gymnasium as gym
import numpy as np
import torch.nn as nn
from gymnasium import spaces


class Maze(gym.Env):
    def __init__(self, size=7):
        self.action_space = spaces.Discrete(4)
        super().__init__()
        self.observation_space = spaces.Box(0, 1, shape=(size * size,), dtype=np.float32)


env = Maze()
q = nn.Linear(env.observation_space.shape[0], env.action_space.n)
`);
    assert.equal(modelNamed(result, "q").params, 49 * 4 + 4);
  });

  it("an environment the table lacks leaves the network unsized, with the reason", async () => {
    const result = await analyze(`import gym
import torch.nn as nn

env = gym.make("MyMaze-v0")
q = nn.Linear(env.observation_space.shape[0], 4)
`);
    assert.equal(result.models.find((m) => m.name === "q")?.complete ?? false, false);
  });

  it("a vector of environments gives the single copy's spaces, and batched ones with a leading dimension", async () => {
    const result = await analyze(`import gymnasium as gym
import numpy as np
import torch.nn as nn

def make_env(env_id):
    def thunk():
        env = gym.make(env_id)
        env = gym.wrappers.RecordEpisodeStatistics(env)
        return env
    return thunk

envs = gym.vector.SyncVectorEnv([make_env("CartPole-v1") for i in range(4)])
q = nn.Sequential(nn.Linear(int(np.array(envs.single_observation_space.shape).prod()), 64), nn.ReLU(), nn.Linear(64, envs.single_action_space.n))
batched = nn.Linear(envs.observation_space.shape[0] * envs.observation_space.shape[1], envs.action_space.shape[0] * envs.num_envs)
made = gym.vector.make("Pendulum-v1", num_envs=3)
critic = nn.Linear(made.single_observation_space.shape[0] + made.single_action_space.shape[0], 1)
`);
    // CartPole: 4 observations, 2 actions; four copies: observations (4, 4), actions MultiDiscrete of 4.
    assert.equal(modelNamed(result, "q").params, 4 * 64 + 64 + 64 * 2 + 2);
    assert.equal(modelNamed(result, "batched").params, 16 * 16 + 16);
    // Pendulum: 3 observations, 1 action.
    assert.equal(modelNamed(result, "critic").params, (3 + 1) + 1);
  });

  it("wrappers that rescale keep the spaces; those that reshape give the observation their shape", async () => {
    const result = await analyze(`import gymnasium as gym
import torch.nn as nn

env = gym.make("HalfCheetah-v4")
env = gym.wrappers.ClipAction(env)
env = gym.wrappers.NormalizeObservation(env)
env = gym.wrappers.TransformObservation(env, lambda obs: obs.clip(-10, 10))
env = gym.wrappers.NormalizeReward(env, gamma=0.99)
kept = nn.Linear(env.observation_space.shape[0], env.action_space.shape[0])
stacked = gym.wrappers.FlattenObservation(gym.wrappers.FrameStack(env, 4))
flat = nn.Linear(stacked.observation_space.shape[0], 1)
`);
    // HalfCheetah: 17 observations, 6 actions; four stacked frames flattened: 68.
    assert.equal(modelNamed(result, "kept").params, 17 * 6 + 6);
    assert.equal(modelNamed(result, "flat").params, 68 + 1);
  });
});

