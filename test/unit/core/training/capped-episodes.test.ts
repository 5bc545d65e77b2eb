import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Episodes of at most N environment steps inside a budget of counted steps (training-plan.ts, counter-budget.ts):
// `while frame_idx < max_frames:` around `for step in range(max_steps): ...; frame_idx += 1`, in scripts written for
// this test. The budget counts the run's passes; N only caps an episode.
const SCRIPT = (loop: (indent: string) => string, wrap: boolean) => {
  const body = loop(wrap ? "    " : "");
  return `import gym
import torch
import torch.nn as nn

class Q(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 1)
    def forward(self, x):
        return self.fc(x)

env = gym.make("CartPole-v1")
net = Q()
opt = torch.optim.Adam(net.parameters())

def update(batch_size):
    loss = net(torch.randn(batch_size, 4)).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()

${wrap ? "def main():\n" : ""}${body}
${wrap ? "main()\n" : ""}`;
};

const LOOP = (gate: string) => (i: string) => `${i}max_frames = 3000
${i}max_steps = 700
${i}frame_idx = 0
${i}batch_size = 64
${i}buffer = []
${i}while frame_idx < max_frames:
${i}    state = env.reset()
${i}    for step in range(max_steps):
${i}        next_state, reward, done, _ = env.step(0)
${i}        buffer.append(state)
${gate ? `${i}        if ${gate}:\n${i}            update(batch_size)` : `${i}        update(batch_size)`}
${i}        frame_idx += 1
${i}        if done:
${i}            break`;

const stepsOf = async (text: string) => {
  const result = await analyze(text);
  return result.training?.steps;
};

describe("episodes capped inside a budget of counted steps", () => {
  it("counts the budget's passes at module level, the counter's start read before the loop (not after the file ran)", async () => {
    const steps = await stepsOf(SCRIPT(LOOP(""), false));
    assert.equal(steps?.value, 3000, JSON.stringify(steps));
    assert.match(steps?.detail ?? "", /episodes of at most \d+ passes/);
  });

  it("counts them inside a function too, and takes out the passes a growing buffer's gate holds back", async () => {
    const steps = await stepsOf(SCRIPT(LOOP("len(buffer) > batch_size"), true));
    assert.equal(steps?.value, 3000 - 64, JSON.stringify(steps));
  });
});
