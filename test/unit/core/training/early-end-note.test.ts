import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Steps counted from loops that can end early are the most the run takes: the plan says so (training-plan.ts).
const script = (exit: string) => `import torch
import torch.nn as nn
import gym

env = gym.make("CartPole-v1")
model = nn.Linear(4, 2)
opt = torch.optim.Adam(model.parameters())
running_reward = 0

for episode in range(100):
    state = env.reset()
    for step in range(50):
        state, reward, done, _ = env.step(0)
        opt.zero_grad()
        model(torch.zeros(8, 4)).sum().backward()
        opt.step()
${exit}
`;

describe("steps counted from loops that can end early", () => {
  it("say they are a maximum when an episode or the run breaks, and nothing when no loop breaks", async () => {
    const episode = (await analyze(script("        if done:\n            break"))).training;
    assert.equal(episode?.steps?.value, 5000);
    assert.ok(episode?.notes?.some((n) => n.startsWith("steps: at most 5,000: the loop at line 12")), JSON.stringify(episode?.notes));
    // the figure's own detail says it is an upper bound, as it travels without the notes
    assert.match(episode?.steps?.detail ?? "", /^at most .*\(an upper bound: the loop at line 12 can end early on a break\)$/);
    const solved = (await analyze(script("    running_reward += reward\n    if running_reward > 475:\n        break"))).training;
    assert.ok(solved?.notes?.some((n) => n.startsWith("steps: at most") && n.includes("line 10")), JSON.stringify(solved?.notes));
    // a break the defaults never reach (a test of names the loop does not bind, false before it) cuts nothing short
    const never = (await analyze(script("    if running_reward < 0:\n        break"))).training;
    assert.ok(!(never?.notes ?? []).some((n) => n.startsWith("steps: at most")), JSON.stringify(never?.notes));
    const fixed = (await analyze(script("    running_reward += 1"))).training;
    assert.equal(fixed?.steps?.value, 5000);
    assert.ok(!(fixed?.notes ?? []).some((n) => n.startsWith("steps: at most")));
    assert.doesNotMatch(fixed?.steps?.detail ?? "", /upper bound/);
  });
});
