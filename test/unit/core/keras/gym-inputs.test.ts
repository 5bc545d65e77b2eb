import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";
import { gymObservationInputs } from "../../../../src/core/keras/gym-inputs";

// A subclassed Keras network of a reinforcement-learning agent reads the observations of the gym environment the
// program makes (src/core/keras/gym-inputs.ts; spaces from the Gymnasium documentation, gym-package.ts).
describe("inputs from the gym environment a program makes", () => {
  it("names one observation of each known environment, and beside it one action of a Box action space", () => {
    assert.deepEqual(gymObservationInputs('env = gym.make("CartPole-v1")'), [[{ shape: [1, 4], dtype: "float32" }]]);
    const pendulum = [{ shape: [1, 3], dtype: "float32" }];
    const pair = [...pendulum, { shape: [1, 1], dtype: "float32" }];
    assert.deepEqual(gymObservationInputs("ENV = 'Pendulum-v1'\nenv = gym.make(ENV)"), [pendulum, pair]);
    // a call of two inputs (a critic's state and action) is tried with the pair first
    assert.deepEqual(gymObservationInputs("ENV = 'Pendulum-v1'\nenv = gym.make(ENV)", 2), [pair, pendulum]);
    // no make() call, an unknown id, or a Discrete observation (FrozenLake's index) give nothing
    assert.deepEqual(gymObservationInputs('name = "CartPole-v1"'), []);
    assert.deepEqual(gymObservationInputs('gym.make("MyEnv-v0")'), []);
    assert.deepEqual(gymObservationInputs('gym.make("FrozenLake-v1")'), []);
  });

  it("an agent's actor and critic subclasses are built from the environment's spaces", async () => {
    const result = await analyze(`import gym
import tensorflow as tf

env = gym.make("LunarLanderContinuous-v2")

class Critic(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.f1 = tf.keras.layers.Dense(16, activation="relu")
        self.v = tf.keras.layers.Dense(1)

    def call(self, state, action):
        return self.v(self.f1(tf.concat([state, action], axis=1)))

class Actor(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.f1 = tf.keras.layers.Dense(16, activation="relu")
        self.mu = tf.keras.layers.Dense(2, activation="tanh")

    def call(self, state):
        return self.mu(self.f1(state))

class Agent:
    def __init__(self):
        self.actor = Actor()
        self.critic = Critic()
        self.critic_target = Critic()

agent = Agent()
`);
    const critic = modelNamed(result, "Critic");
    // observation 8 and action 2 of LunarLanderContinuous-v2: (8+2)·16+16 = 176, 16+1 = 17
    assert.deepEqual(critic.inputs, [{ shape: [1, 8], dtype: "float32" }, { shape: [1, 2], dtype: "float32" }]);
    assert.equal(critic.params, 176 + 17);
    // 8·16+16 = 144, 16·2+2 = 34
    assert.equal(modelNamed(result, "Actor").params, 144 + 34);
    for (const m of result.models) assert.ok(m.params > 0, `${m.name} has no parameters`);
  });
});
