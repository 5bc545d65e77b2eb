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

  it("an environment the table lacks leaves the network unsized, with the reason", async () => {
    const result = await analyze(`import gym
import torch.nn as nn

env = gym.make("MyMaze-v0")
q = nn.Linear(env.observation_space.shape[0], 4)
`);
    assert.equal(result.models.find((m) => m.name === "q")?.complete ?? false, false);
  });
});
