import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Keras agent written for these tests: it fits its critic on each transition of episodes that a break on `done` ends.
const agent = (envId: string) => `import numpy as np
import gym
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

class Critic:
    def __init__(self, n):
        self.n = n
        self.net = Sequential([Dense(16, input_dim=n, activation="relu"), Dense(1)])
        self.net.compile(loss="mse", optimizer="adam")

    def learn(self, state, reward):
        self.net.fit(state.reshape(-1, self.n), np.array([[reward]]), epochs=1, verbose=0)

env = gym.make("${envId}")
critic = Critic(env.observation_space.shape[0])
for episode in range(40):
    state = env.reset()
    for t in range(300):
        state, reward, done, _ = env.step(env.action_space.sample())
        critic.learn(state, reward)
        if done:
            break
`;

describe("calls in an episode loop broken on done (src/core/training/episode-turns.ts)", () => {
  it("are not the range's turns where the environment ends episodes itself: the run's epochs are not known", async () => {
    const falls = (await analyze(agent("CartPole-v1"))).training;
    assert.equal(falls?.epochs, undefined, JSON.stringify(falls?.epochs));
    assert.ok(falls?.notes?.some((n) => n.includes("for t in range(300)") && n.includes("does not count")), JSON.stringify(falls?.notes));
  });

  it("are the time limit's turns where the environment never ends one itself", async () => {
    const swings = (await analyze(agent("Pendulum-v1"))).training;
    assert.equal(swings?.epochs?.value, 40 * 200, JSON.stringify(swings?.epochs));
  });
});
