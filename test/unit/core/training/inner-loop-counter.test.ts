import { strict as assert } from "node:assert";
import { analyze, testParser } from "../../helpers/analyze";
import { lowerModule } from "../../../../src/core/python/lower";
import { advancedOnlyInInnerLoops } from "../../../../src/core/training/inner-loop-counter";

// A policy-gradient agent written for these tests: a budget of environment steps, counted inside each episode, with
// the update either once an episode (after it) or once an environment step (inside it).
const agent = (update: "episode" | "env step") => `import gym
import torch
import torch.nn as nn

env = gym.make("MountainCar-v0")
pi = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 3))
opt = torch.optim.SGD(pi.parameters(), lr=0.01)
max_steps = 30000
t = 0
while t < max_steps:
    obs, _ = env.reset()
    finished = False
    terms = []
    while not finished:
        t += 1
        d = torch.distributions.Categorical(logits=pi(torch.as_tensor(obs, dtype=torch.float32)))
        a = d.sample()
        obs, r, term, trunc, _ = env.step(a.item())
        finished = term or trunc
${update === "env step" ? `        loss = -d.log_prob(a) * r
        opt.zero_grad()
        loss.backward()
        opt.step()
` : `        terms.append(-d.log_prob(a) * r)
    loss = torch.stack(terms).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
`}`;

describe("a while budget whose counter only inner loops advance (src/core/training/inner-loop-counter.ts)", () => {
  it("leaves the steps of an update once an episode unknown, with a note, not the budget's environment steps", async () => {
    const result = await analyze(agent("episode"));
    assert.equal(result.training?.steps, undefined, JSON.stringify(result.training?.steps));
    assert.ok(result.training?.notes?.some((n) => n.includes("while t < max_steps")), JSON.stringify(result.training?.notes));
  });

  it("keeps the budget for an update on every environment step", async () => {
    const run = (await analyze(agent("env step"))).training;
    assert.equal(run?.steps?.value, 30000, JSON.stringify(run?.steps));
  });

  it("tells a counter the loop's own statements move from one only its inner loops move", async () => {
    const [outer] = lowerModule((await testParser()).parse("while n < 9:\n    if ok:\n        n += 1\n    for x in xs:\n        m += 1\n")).body;
    assert.ok(outer.type === "while");
    assert.equal(advancedOnlyInInnerLoops(outer.body, "n"), false);
    assert.equal(advancedOnlyInInnerLoops(outer.body, "m"), true);
    assert.equal(advancedOnlyInInnerLoops(outer.body, "k"), false);
  });
});
