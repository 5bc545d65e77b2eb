import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An episode script whose only training word is an agent's learn(): the agent, its minibatch and its optimizer all
// live in another file, so the script names neither epochs nor batches (code-sites.ts reads it all the same).
const brain = `import numpy as np
import torch
import torch.nn as nn

class DeepQNetwork:
    def __init__(self, n_actions, n_features, memory_size=500, batch_size=32):
        self.batch_size = batch_size
        self.memory_size = memory_size
        self.memory = np.zeros((memory_size, n_features * 2 + 2))
        self.net = nn.Linear(n_features, n_actions)
        self.opt = torch.optim.RMSprop(self.net.parameters(), lr=0.01)

    def learn(self):
        sample_index = np.random.choice(self.memory_size, size=self.batch_size)
        batch_memory = self.memory[sample_index, :]
        loss = self.net(torch.tensor(batch_memory[:, :4], dtype=torch.float32)).sum()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;

const script = (update: string) => `import gym
from brain import DeepQNetwork

env = gym.make('CartPole-v0')
RL = DeepQNetwork(n_actions=2, n_features=4, memory_size=2000)
total_steps = 0
for i_episode in range(100):
    observation = env.reset()
    while True:
        observation_, reward, done, info = env.step(0)
        if total_steps > 1000:
            ${update}
        if done:
            break
        total_steps += 1
`;

describe("training plan: a script whose only training word is an agent's learn()", () => {
  it("reads the minibatch the agent of another file draws in learn()", async () => {
    const plan = (await analyze(script("RL.learn()"), { others: { "/project/brain.py": brain } })).training;
    assert.equal(plan?.batch?.value, 32);
    // episodes end when the environment says: no count of steps
    assert.equal(plan?.steps, undefined);
  });

  it("reads nothing from a script that calls no learn()", async () => {
    const plan = (await analyze(script("RL.remember()"), { others: { "/project/brain.py": brain } })).training;
    assert.equal(plan?.batch, undefined);
  });
});
