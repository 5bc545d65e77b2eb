import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A budget of environment steps whose episodes are a counted `for` inside the budget's `while`, the update made under
// `if total % every == 0:` (src/core/training/episode-for-budget.ts with budget-gated-steps.ts): the calls are the
// counter's multiples below the budget, each the update's own steps.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const LEARNER = `import torch


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(3, 1)

    def forward(self, x):
        return self.fc(x)


class Learner:
    def __init__(self, passes):
        self.passes = passes
        self.net = Net()
        self.opt = torch.optim.Adam(self.net.parameters(), lr=0.001)
        self.states = []

    def act(self, obs):
        self.states.append(obs)
        return 0

    def update(self):
        batch = torch.randn(len(self.states), 3)
        for _ in range(self.passes):
            loss = self.net(batch).pow(2).mean()
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
        self.states = []
`;

const SCRIPT = (loopHead: string) => `import gym
from learner import Learner

total_budget = 120000
episode_len = 500
every = 2000

if __name__ == "__main__":
    env = gym.make("Pendulum-v1")
    learner = Learner(passes=40)
    t_total = 0
    while t_total <= total_budget:
        obs = env.reset()
        ${loopHead}
            action = learner.act(obs)
            obs, reward, done, info = env.step(action)
            t_total += 1
            if t_total % every == 0:
                learner.update()
            if done:
                break
`;

describe("a step budget whose episodes are a counted for loop (src/core/training/episode-for-budget.ts)", () => {
  it("counts the update calls on the budget's counter: (budget / every) x the update's steps", async () => {
    const plan = await planOf(SCRIPT("for t in range(1, episode_len + 1):"), { "/project/learner.py": LEARNER });
    assert.equal(plan.steps?.value, (120000 / 2000) * 40);
  });

  it("reads no budget where the episode loop walks no range (a loop over data of unknown length)", async () => {
    const plan = await planOf(SCRIPT("for t in iter(int, 1):"), { "/project/learner.py": LEARNER });
    assert.notEqual(plan.steps?.value, (120000 / 2000) * 40);
  });
});
