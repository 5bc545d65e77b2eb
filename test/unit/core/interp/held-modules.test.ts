import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";

// A trainer class of the workspace that builds its network in __init__ and trains it in a method.
const TRAINER = `import torch
import torch.nn as nn

class Trainer(object):
    def __init__(self, config, loader):
        self.loader = loader
        self.epochs = config.epochs
        self.model = nn.Sequential(nn.Linear(config.features, config.hidden), nn.ReLU(), nn.Linear(config.hidden, 10))
        self.criterion = nn.CrossEntropyLoss()
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=0.1)

    def train(self):
        for epoch in range(self.epochs):
            for x, y in self.loader:
                self.optimizer.zero_grad()
                self.criterion(self.model(x), y).backward()
                self.optimizer.step()
`;

describe("models a trainer object of the workspace holds (src/core/interp/held-modules.ts)", () => {
  it("lists the module a trainer built in another file holds, with the script's arguments, and not its loss", async () => {
    const result = await analyze(`import argparse
from trainer import Trainer

def main(config):
    trainer = Trainer(config, None)
    trainer.train()

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--features", type=int, default=20)
    parser.add_argument("--hidden", type=int, default=50)
    parser.add_argument("--epochs", type=int, default=3)
    main(parser.parse_args())
`, { others: { "/project/trainer.py": TRAINER } });
    assert.deepEqual(result.models.map((m) => m.name), ["trainer.model"], "the criterion is what it trains against");
    const m = modelNamed(result, "trainer.model");
    assert.equal(m.params, 20 * 50 + 50 + 50 * 10 + 10);
    assert.equal(m.line, 5);
  });

  it("lists nothing for a holder without modules", async () => {
    const result = await analyze(`from helper import Runner

def main():
    runner = Runner(3)
    runner.train()

main()
`, { others: { "/project/helper.py": "class Runner:\n    def __init__(self, n):\n        self.n = n\n\n    def train(self):\n        return self.n\n" } });
    assert.equal(result.models.length, 0);
  });
  it("lists the network an agent object builds, sized from a gym environment's spaces, whatever the agent's methods are called", async () => {
    const result = await analyze(`import gym
from agent import Agent

env = gym.make("CartPole-v1")
agent = Agent(env.observation_space.shape[0], env.action_space.n)
for episode in range(10):
    agent.act(None)
`, { others: { "/project/agent.py": `import torch.nn as nn

class QNetwork(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.fc = nn.Linear(n_in, n_out)

    def forward(self, x):
        return self.fc(x)

class Agent:
    def __init__(self, state_size, action_size):
        self.q_net = QNetwork(state_size, action_size)

    def act(self, state):
        return 0
` } });
    assert.deepEqual(result.models.map((m) => m.name), ["agent.q_net"]);
    assert.equal(modelNamed(result, "agent.q_net").params, 4 * 2 + 2, "CartPole-v1: 4 observations, 2 actions");
  });

  it("lists a Keras model two plain objects deep, built by the agent in main()", async () => {
    const result = await analyze(`import gym
import tensorflow as tf
from tensorflow.keras.layers import Input, Dense

class QModel:
    def __init__(self, state_dim, action_dim):
        self.model = self.create_model(state_dim, action_dim)

    def create_model(self, state_dim, action_dim):
        return tf.keras.Sequential([Input((state_dim,)), Dense(8), Dense(action_dim)])

class Agent:
    def __init__(self, env):
        self.model = QModel(env.observation_space.shape[0], env.action_space.n)
        self.episodes = 0

    def run(self):
        self.episodes += 1

def main():
    env = gym.make("CartPole-v1")
    agent = Agent(env)
    agent.run()

if __name__ == "__main__":
    main()
`);
    assert.deepEqual(result.models.map((m) => m.name), ["agent.model.model"]);
    assert.equal(modelNamed(result, "agent.model.model").params, 4 * 8 + 8 + 8 * 2 + 2);
  });

  it("lists nothing for a project object that holds no module, and asks nothing when its arguments are unknown", async () => {
    const result = await analyze(`import sys

class Memory:
    def __init__(self, size):
        self.items = [None] * size

def main(size):
    memory = Memory(size)

if __name__ == "__main__":
    main(int(sys.argv[1]))
`);
    assert.equal(result.models.length, 0);
    assert.equal(result.notes.filter((n) => n.includes("memory")).length, 0);
  });
  it("lists a model the script built and handed to a helper object once, where the script built it", async () => {
    const result = await analyze(`import torch.nn as nn

class Net(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(width, 2)

    def forward(self, x):
        return self.fc(x)

class Perturb:
    def __init__(self, model, gamma=0.01):
        self.model = model.cuda()
        self.gamma = gamma
        self.delta = nn.Linear(3, 3)

def main(width):
    model = Net(width)
    perturb = Perturb(model)

if __name__ == "__main__":
    main(8)
`);
    assert.deepEqual(result.models.map((m) => m.name).sort(), ["model", "perturb.delta"], "the handed-in Net is not listed again as perturb.model");
  });
  it("lists each network of a list an agent object keeps, one per agent (a multi-agent DDPG's actors and critics)", async () => {
    const result = await analyze(`import torch.nn as nn

class Actor(nn.Module):
    def __init__(self, obs, act):
        super().__init__()
        self.fc = nn.Linear(obs, act)

    def forward(self, x):
        return self.fc(x)

class MADDPG:
    def __init__(self, n_agents, obs, act):
        self.actors = [Actor(obs, act) for i in range(n_agents)]
        self.critics = (nn.Linear(obs * n_agents, 1), nn.Linear(obs * n_agents, 1))
        self.names = ["a", "b"]

maddpg = MADDPG(2, 10, 3)
`);
    assert.deepEqual(result.models.map((m) => m.name).sort(), ["maddpg.actors[0]", "maddpg.actors[1]", "maddpg.critics[0]", "maddpg.critics[1]"]);
    // 10·3+3 = 33 each actor; 20·1+1 = 21 each critic
    assert.equal(modelNamed(result, "maddpg.actors[1]").params, 33);
    assert.equal(modelNamed(result, "maddpg.critics[0]").params, 21);
  });
});
