import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Keras agent written for these tests: each environment step fits the critic on one transition, its targets a
// one-row array the method builds (`np.zeros((1, 1))`).
const agent = (targets: string) => `import numpy as np
import gym
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

class Critic:
    def __init__(self, n):
        self.n = n
        self.net = Sequential([Dense(16, input_dim=n, activation="relu"), Dense(1)])
        self.net.compile(loss="mse", optimizer="adam")

    def learn(self, state, reward):
        state = state.reshape(-1, self.n)
        target = ${targets}
        target[0][0] = reward
        self.net.fit(state, target, epochs=1, verbose=0)

env = gym.make("Pendulum-v1")
critic = Critic(3)
for episode in range(40):
    state = env.reset()
    for t in range(60):
        state, reward, done, _ = env.step(env.action_space.sample())
        critic.learn(state, reward)
`;

describe("a Keras fit on fewer rows than its default batch (src/core/training/few-row-fit.ts)", () => {
  it("trains one batch of those rows, not of 32", async () => {
    const one = (await analyze(agent("np.zeros((1, 1))"))).training;
    assert.equal(one?.batch?.value, 1, JSON.stringify(one?.batch));
    assert.match(one?.batch?.detail ?? "", /1 row/);
    const few = (await analyze(agent("np.zeros((5, 1))"))).training;
    assert.equal(few?.batch?.value, 5);
  });

  it("keeps fit's default 32 where the rows are 32 or more, or not known", async () => {
    const many = (await analyze(agent("np.zeros((64, 1))"))).training;
    assert.equal(many?.batch?.value, 32);
    const unknown = (await analyze(agent("np.zeros((len(state), 1))"))).training;
    assert.equal(unknown?.batch?.value, 32);
  });
});
