import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { analyze } from "../../helpers/analyze";

// A budget of counted steps around episodes of unstated length (src/core/training/counter-budget.ts): the step loop
// runs until the counter it advances reaches the bound, whatever each episode's length.
const script = (outerCounts: boolean) => `import argparse
import torch
import gym

parser = argparse.ArgumentParser()
parser.add_argument("--max_train_steps", type=int, default=int(4e5))
parser.add_argument("--batch_size", type=int, default=256)
parser.add_argument("--n_steps", type=int, default=5, help="n-step returns")
args = parser.parse_args()


class Agent:
    def __init__(self):
        self.net = torch.nn.Sequential(torch.nn.Linear(8, 64), torch.nn.ReLU(), torch.nn.Linear(64, 4))
        self.optimizer = torch.optim.Adam(self.net.parameters(), lr=1e-3)

    def learn(self, batch):
        loss = self.net(batch).pow(2).mean()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()


class Runner:
    def __init__(self):
        self.env = gym.make("LunarLander-v2")
        self.agent = Agent()
        self.total_steps = 1000
        self.buffer = []

    def run(self):
        while self.total_steps < args.max_train_steps:
            state = self.env.reset()
            done = False
            while not done:
                state, reward, done, _ = self.env.step(0)
                self.total_steps += 1
                self.buffer.append(state)
                self.agent.learn(torch.zeros(args.batch_size, 8))
${outerCounts ? "            self.total_steps += 1\n" : ""}

if __name__ == "__main__":
    Runner().run()
`;

describe("step budgets around episodes", () => {
  it("a step loop that advances the counter of the while around it runs bound − start steps", async () => {
    const plan = (await analyze(script(false))).training ?? {};
    assert.equal(planOptimizerSteps(plan)?.value, 400_000 - 1000);
    assert.match(plan.steps?.detail ?? "", /self\.total_steps \+= 1 on each pass of the loop at line 35/);
  });

  it("a counter the outer loop advances too is not a budget of the inner loop's passes", async () => {
    const plan = (await analyze(script(true))).training ?? {};
    // The budget rule does not apply (the option named for n-step returns still reads as steps: a known gap).
    assert.doesNotMatch(plan.steps?.detail ?? "", /on each pass of the loop/);
  });

  it("a training method an episode loop calls every E counted steps runs its loop on each call: calls × its steps", async () => {
    const plan = (await analyze(PPO_LIKE)).training ?? {};
    // (3,000,000 + 1) // 4,000 = 750 updates of 80 epochs each.
    assert.equal(planOptimizerSteps(plan)?.value, 750 * 80);
  });

  it("called once per episode of a counted episode loop, it runs episodes × its steps", async () => {
    const plan = (await analyze(DDPG_LIKE)).training ?? {};
    assert.equal(planOptimizerSteps(plan)?.value, 100_000 * 200);
  });

  it("called on each step of episodes that end when the environment says, its count is not the run's", async () => {
    const plan = (await analyze(TD3_LIKE)).training ?? {};
    assert.equal(planOptimizerSteps(plan), undefined);
    // The user is told why there is no count.
    assert.ok(plan.notes?.some((n) => /update\(\) runs its loop on each call from an episode loop/.test(n)), String(plan.notes));
  });
});

const PPO_LIKE = `import torch
import gym


class PPO:
    def __init__(self, K_epochs):
        self.policy = torch.nn.Sequential(torch.nn.Linear(8, 64), torch.nn.Tanh(), torch.nn.Linear(64, 4))
        self.optimizer = torch.optim.Adam(self.policy.parameters(), lr=3e-4)
        self.K_epochs = K_epochs
        self.states = []

    def update(self):
        states = torch.zeros(len(self.states), 8)
        for _ in range(self.K_epochs):
            loss = self.policy(states).pow(2).mean()
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
        self.states = []


def train():
    env = gym.make("LunarLander-v2")
    max_ep_len = 1000
    max_training_timesteps = int(3e6)
    update_timestep = max_ep_len * 4
    ppo_agent = PPO(K_epochs=80)
    time_step = 0
    while time_step <= max_training_timesteps:
        state = env.reset()
        for t in range(1, max_ep_len + 1):
            state, reward, done, _ = env.step(0)
            ppo_agent.states.append(state)
            time_step += 1
            if time_step % update_timestep == 0:
                ppo_agent.update()
            if done:
                break


if __name__ == "__main__":
    train()
`;

const DDPG_LIKE = `import argparse
from itertools import count
import torch
import gym

parser = argparse.ArgumentParser()
parser.add_argument('--mode', default='train', type=str)
parser.add_argument('--max_episode', default=100000, type=int)
parser.add_argument('--update_iteration', default=200, type=int)
parser.add_argument('--batch_size', default=100, type=int)
args = parser.parse_args()


class Agent:
    def __init__(self):
        self.critic = torch.nn.Linear(4, 1)
        self.opt = torch.optim.Adam(self.critic.parameters())

    def update(self):
        for it in range(args.update_iteration):
            self.opt.zero_grad()
            self.critic(torch.zeros(args.batch_size, 4)).mean().backward()
            self.opt.step()


def main():
    env = gym.make("Pendulum-v0")
    agent = Agent()
    if args.mode == 'test':
        pass
    elif args.mode == 'train':
        for i in range(args.max_episode):
            state = env.reset()
            for t in count():
                state, reward, done, info = env.step(0)
                if done:
                    break
            agent.update()


if __name__ == "__main__":
    main()
`;

const TD3_LIKE = `import torch
import gym


class Agent:
    def __init__(self):
        self.critic = torch.nn.Linear(4, 1)
        self.opt = torch.optim.Adam(self.critic.parameters())

    def update(self, iterations):
        for it in range(iterations):
            self.opt.zero_grad()
            self.critic(torch.zeros(100, 4)).mean().backward()
            self.opt.step()


def main():
    env = gym.make("Pendulum-v0")
    agent = Agent()
    for i in range(100000):
        state = env.reset()
        for t in range(2000):
            state, reward, done, info = env.step(0)
            agent.update(10)
            if done:
                break


if __name__ == "__main__":
    main()
`;
