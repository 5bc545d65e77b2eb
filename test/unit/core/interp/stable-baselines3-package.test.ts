import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Stable-Baselines3's algorithms build their policy from the environment's spaces and the library's defaults
// (stable-baselines3-package.ts). Each count below is worked out by hand from SB3 2.x's layouts, layer by layer.
async function policyOf(text: string): Promise<{ name: string; params: number; input: string }> {
  const result = await analyze(text);
  const policy = result.models.find((m) => m.name.endsWith(".policy"));
  assert.ok(policy, `no policy: ${result.models.map((m) => m.name).join(", ") || "no models"}`);
  return { name: policy.name, params: policy.params, input: policy.inputs.map((i) => i.shape.join("x")).join(",") };
}

describe("Stable-Baselines3's algorithms build their policy network (stable-baselines3-package.ts)", function () {
  this.timeout(60_000);

  it("PPO's MlpPolicy on a discrete environment: actor and critic of [64, 64] Tanh, action and value heads", async () => {
    const got = await policyOf(`import gymnasium as gym
from stable_baselines3 import PPO
env = gym.make("Acrobot-v1")
agent = PPO("MlpPolicy", env)
agent.learn(total_timesteps=10_000)
`);
    // Acrobot: 6 observations, 3 actions. Each MLP 6·64+64 + 64·64+64 = 4,608; action 64·3+3 = 195; value 65.
    assert.deepEqual(got, { name: "agent.policy", params: 2 * 4_608 + 195 + 65, input: "1x6" });
  });

  it("A2C on a continuous environment given by id, with net_arch from policy_kwargs: a log_std per action", async () => {
    const got = await policyOf(`from stable_baselines3 import A2C
model = A2C("MlpPolicy", "MountainCarContinuous-v0", policy_kwargs=dict(net_arch=dict(pi=[32], vf=[16, 16])))
model.learn(5000)
`);
    // 2 observations, 1 action: pi 2·32+32 = 96; vf 2·16+16 + 16·16+16 = 320; action 32+1; value 16+1; log_std 1.
    assert.equal(got.params, 96 + 320 + 33 + 17 + 1);
  });

  it("DQN: a q-network of [64, 64] ReLU and its target copy", async () => {
    const got = await policyOf(`import gym
from stable_baselines3 import DQN
model = DQN("MlpPolicy", gym.make("MountainCar-v0"))
model.learn(total_timesteps=20_000)
`);
    // 2 observations, 3 actions: 2·64+64 + 64·64+64 + 64·3+3 = 4,547, twice.
    assert.equal(got.params, 2 * 4_547);
  });

  it("SAC, TD3 and DDPG: actors, critics on observation and action, and their targets", async () => {
    const script = (algorithm: string) => `from stable_baselines3 import ${algorithm}
from stable_baselines3.common.env_util import make_vec_env
env = make_vec_env("LunarLanderContinuous-v2", n_envs=2)
model = ${algorithm}("MlpPolicy", env)
model.learn(total_timesteps=30_000)
`;
    // 8 observations, 2 actions. SAC [256, 256]: actor 8·256+256 + 256·256+256 + 2·(256·2+2) = 69,124; a critic
    // 10·256+256 + 65,792 + 257 = 68,865, two critics and two targets.
    assert.equal((await policyOf(script("SAC"))).params, 69_124 + 4 * 68_865);
    // TD3 [400, 300]: actor 8·400+400 + 400·300+300 + 300·2+2 = 124,502 (and its target); a critic
    // 10·400+400 + 120,300 + 301 = 125,001, two and two targets. DDPG has one critic.
    assert.equal((await policyOf(script("TD3"))).params, 2 * 124_502 + 4 * 125_001);
    assert.equal((await policyOf(script("DDPG"))).params, 2 * 124_502 + 2 * 125_001);
  });

  it("CnnPolicy: NatureCNN on the image observation, channels first, run on the environment's own image size", async () => {
    const got = await policyOf(`import gymnasium as gym
from stable_baselines3 import PPO
from stable_baselines3.common.vec_env import DummyVecEnv
env = DummyVecEnv([lambda: gym.make("CarRacing-v2")])
model = PPO("CnnPolicy", env)
`);
    // 96x96x3 → 3x96x96: convolutions 3·32·64+32, 32·64·16+64, 64·64·9+64 leave 64x8x8; a Linear(4,096, 512); no
    // hidden layers (net_arch []); action Linear(512, 3) with a log_std of 3; value Linear(512, 1).
    const extractor = 3 * 32 * 64 + 32 + (32 * 64 * 16 + 64) + (64 * 64 * 9 + 64) + (4_096 * 512 + 512);
    assert.deepEqual(got, { name: "model.policy", params: extractor + 512 * 3 + 3 + 3 + 513, input: "1x3x96x96" });
  });

  it("VecFrameStack stacks frames along the channels, which SB3 takes as the smallest dimension", async () => {
    const got = await policyOf(`import gymnasium as gym
from stable_baselines3 import PPO
from stable_baselines3.common.vec_env import DummyVecEnv, VecFrameStack
env = VecFrameStack(DummyVecEnv([lambda: gym.make("CarRacing-v2")]), n_stack=4)
model = PPO("CnnPolicy", env)
`);
    // 96x96x3 stacked 4 times is 96x96x12, transposed to 12x96x96: only the first convolution's inputs change.
    const extractor = 12 * 32 * 64 + 32 + (32 * 64 * 16 + 64) + (64 * 64 * 9 + 64) + (4_096 * 512 + 512);
    assert.deepEqual(got, { name: "model.policy", params: extractor + 512 * 3 + 3 + 3 + 513, input: "1x12x96x96" });
  });

  it("a policy class of the script's own that builds its mlp_extractor is built as SB3 builds it", async () => {
    const got = await policyOf(`import gymnasium as gym
from torch import nn
from stable_baselines3 import PPO
from stable_baselines3.common.policies import ActorCriticPolicy


class Heads(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.latent_dim_pi, self.latent_dim_vf = 32, 16
        self.pi = nn.Sequential(nn.Linear(width, 32), nn.ReLU())
        self.vf = nn.Sequential(nn.Linear(width, 16), nn.ReLU())

    def forward(self, features):
        return self.pi(features), self.vf(features)


class OwnPolicy(ActorCriticPolicy):
    def __init__(self, observation_space, action_space, lr_schedule, *args, **kwargs):
        kwargs["ortho_init"] = False
        super().__init__(observation_space, action_space, lr_schedule, *args, **kwargs)

    def _build_mlp_extractor(self):
        self.mlp_extractor = Heads(self.features_dim)


model = PPO(OwnPolicy, gym.make("CartPole-v1"))
`);
    // Heads 4·32+32 + 4·16+16 = 240; action Linear(32, 2) 66; value Linear(16, 1) 17.
    assert.deepEqual(got, { name: "model.policy", params: 240 + 66 + 17, input: "1x4" });
  });

  it("MultiInputPolicy on a Dict observation: each part flattened side by side, sb3-contrib's MaskablePPO as PPO", async () => {
    const text = (imports: string, algorithm: string) => `import numpy as np
import gymnasium as gym
from gymnasium import spaces
${imports}


class Rooms(gym.Env):
    def __init__(self):
        super().__init__()
        self.observation_space = spaces.Dict({"position": spaces.Box(0, 1, shape=(3,), dtype=np.float32), "goal": spaces.Discrete(5)})
        self.action_space = spaces.Discrete(4)


model = ${algorithm}("MultiInputPolicy", Rooms())
`;
    // 3 + 5 (one-hot) = 8 features: each MLP 8·64+64 + 64·64+64 = 4,736; action 64·4+4 = 260; value 65.
    const expected = { name: "model.policy", params: 2 * 4_736 + 260 + 65, input: "1x8" };
    assert.deepEqual(await policyOf(text("from stable_baselines3 import PPO", "PPO")), expected);
    assert.deepEqual(await policyOf(text("from sb3_contrib import MaskablePPO", "MaskablePPO")), expected);
    const result = await analyze(text("from stable_baselines3 import PPO", "PPO"));
    assert.equal(result.models.find((m) => m.name === "model.policy")?.complete, true);
  });

  it("an environment whose spaces the analyzer does not know leaves the policy unbuilt, not wrong", async () => {
    const result = await analyze(`from stable_baselines3 import PPO
from my_envs import TradingEnv
model = PPO("MlpPolicy", TradingEnv())
model.learn(total_timesteps=10_000)
`);
    assert.ok(!result.models.some((m) => m.params > 0), result.models.map((m) => `${m.name} ${m.params}`).join(", "));
  });
});
