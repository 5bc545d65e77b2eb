import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A policy-gradient loop written for these tests: it gathers each transition's state into a list and steps once a few
// episodes have ended, on all of them, then empties the list.
const learner = (gate: string) => `import gym
import torch
import torch.nn as nn

env = gym.make("CartPole-v1")
policy = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 2))
opt = torch.optim.Adam(policy.parameters(), lr=0.01)
states, actions, returns = [], [], []
episodes = 0
state = env.reset()
for t in range(20000):
    action = env.action_space.sample()
    next_state, reward, done, _ = env.step(action)
    states.append(state)
    actions.append(action)
    returns.append(reward)
    state = next_state
    if done:
        episodes += 1
        state = env.reset()
    if ${gate}:
        continue
    logits = policy(torch.FloatTensor(states))
    picked = torch.log_softmax(logits, dim=1)[range(len(actions)), actions]
    loss = -(picked * torch.FloatTensor(returns)).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    episodes = 0
    states.clear()
    actions.clear()
    returns.clear()
`;

describe("a step on a list the loop gathers and empties each step (src/core/training/gathered-list-batch.ts)", () => {
  it("has a batch the episodes decide, not the model input's one row", async () => {
    const run = (await analyze(learner("episodes < 4"))).training;
    assert.equal(run?.batch, undefined, JSON.stringify(run?.batch));
    assert.ok(run?.notes?.some((n) => n.includes("each step trains on states")), JSON.stringify(run?.notes));
  });

  it("leaves a list whose length the loop waits for to the other rules", async () => {
    const run = (await analyze(learner("len(states) < 64"))).training;
    assert.ok(!run?.notes?.some((n) => n.includes("each step trains on states")), JSON.stringify(run?.notes));
  });
});
