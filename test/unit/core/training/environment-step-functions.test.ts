import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An episode loop in a function that names no training word, taking gym's environment steps and handing each
// transition to an agent whose own `step` learns in another file (code-sites.ts ENVIRONMENT_STEP, AGENT_UPDATE), and an
// agent that learns on one call in UPDATE_EVERY of its own (cyclic-call-gate.ts), in files written for this test.
const AGENT = `import torch
import torch.nn as nn

BATCH_SIZE = 32

class Policy(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 1)
    def forward(self, x):
        return self.fc(x)

class Agent:
    def __init__(self):
        self.policy = Policy()
        self.optimizer = torch.optim.Adam(self.policy.parameters())
        self.memory = []

    def act(self, state):
        return self.policy(torch.as_tensor(state, dtype=torch.float32))

    def step(self, state, action, reward, next_state, done):
        self.memory.append((state, action, reward, next_state, done))
        if len(self.memory) > BATCH_SIZE:
            self.learn()

    def learn(self):
        loss = self.policy(torch.randn(BATCH_SIZE, 3)).mean()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
`;

const SCRIPT = (unpack: string) => `import gym
from agent import Agent

env = gym.make("MountainCarContinuous-v0")
agent = Agent()

def run(n_episodes=40, max_t=250):
    for i_episode in range(n_episodes):
        state = env.reset()
        for t in range(max_t):
            action = agent.act(state)
            ${unpack} = env.step(action)
            agent.step(state, action, reward, next_state, done)
            state = next_state

run()
`;

describe("episode loops that hand transitions to an agent of another file", () => {
  it("reads the loop of a function taking environment steps: episodes x steps each", async () => {
    const result = await analyze(SCRIPT("next_state, reward, done, _"), { others: { "/project/agent.py": AGENT } });
    // The agent learns from its 33rd transition on (its own `len(self.memory) > BATCH_SIZE` gate, which is not read
    // through the method call): 9,968 steps run; the plan says the 10,000 passes, 0.3% over.
    assert.equal(result.training?.steps?.value, 40 * 250, JSON.stringify(result.training?.steps));
  });

  it("divides the passes by the cycle of an agent's own call counter that gates its learning", async () => {
    const cyclic = AGENT.replace("BATCH_SIZE = 32", "BATCH_SIZE = 32\nUPDATE_EVERY = 4")
      .replace("        self.memory = []", "        self.memory = []\n        self.t_step = 0")
      .replace("        if len(self.memory) > BATCH_SIZE:\n            self.learn()", "        self.t_step = (self.t_step + 1) % UPDATE_EVERY\n        if self.t_step == 0:\n            self.learn()");
    assert.match(cyclic, /% UPDATE_EVERY\n        if self.t_step == 0:/);
    const result = await analyze(SCRIPT("next_state, reward, done, _"), { others: { "/project/agent.py": cyclic } });
    assert.equal(result.training?.steps?.value, (40 * 250) / 4, JSON.stringify(result.training?.steps));
  });
});
