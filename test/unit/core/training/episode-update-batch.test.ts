import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An update over whole episodes (src/core/training/episode-update-batch.ts): each pass plays episodes to their end and
// backpropagates once over what they gathered. Scripts written for these tests.
const summed = `import gym
import torch
import torch.nn as nn

env = gym.make("CartPole-v1")
scorer = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 2))
opt = torch.optim.Adam(scorer.parameters(), lr=1e-3)

for update in range(150):
    opt.zero_grad()
    summed_objective = 0
    for game in range(8):
        obs, _ = env.reset()
        finished = False
        game_logp = 0
        game_return = 0
        while not finished:
            odds = torch.softmax(scorer(torch.tensor(obs, dtype=torch.float32)), dim=0)
            move = torch.multinomial(odds, 1)
            game_logp = game_logp + torch.log(odds[move])
            obs, reward, ended, cut, _ = env.step(move.item())
            game_return += reward
            finished = ended or cut
        summed_objective += game_logp * game_return
    mean_objective = -summed_objective / 8
    mean_objective.backward()
    opt.step()
`;

const listed = (exit: string) => `import gym
import numpy as np
import torch

env = gym.make("CartPole-v0")
scorer = torch.nn.Sequential(torch.nn.Linear(4, 24), torch.nn.ReLU(), torch.nn.Linear(24, 2), torch.nn.Softmax(dim=0))
opt = torch.optim.Adam(scorer.parameters(), lr=0.005)

for round_no in range(300):
    here = env.reset()
    moves = []
    for t in range(200):
        odds = scorer(torch.from_numpy(here).float())
        move = np.random.choice(np.array([0, 1]), p=odds.data.numpy())
        before = here
        here, _, finished, _ = env.step(move)
        moves.append((before, move, t + 1))
${exit}
    seen = torch.Tensor([s for (s, m, r) in moves])
    taken = torch.Tensor([m for (s, m, r) in moves])
    gains = torch.Tensor([r for (s, m, r) in moves]).flip(dims=(0,))
    picked = scorer(seen).gather(dim=1, index=taken.long().view(-1, 1)).squeeze()
    objective = -torch.sum(gains * torch.log(picked))
    opt.zero_grad()
    objective.backward()
    opt.step()
`;

const replayed = `import gym
import random
from collections import deque
import torch
import torch.nn as nn

env = gym.make("CartPole-v1")
q = nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 2))
opt = torch.optim.Adam(q.parameters(), lr=1e-3)
memory = deque(maxlen=5000)

for round_no in range(400):
    obs, _ = env.reset()
    finished = False
    while not finished:
        move = env.action_space.sample()
        after, reward, ended, cut, _ = env.step(move)
        memory.append((obs, move, reward, after))
        obs = after
        finished = ended or cut
    drawn = random.sample(memory, 32)
    seen = torch.tensor([d[0] for d in drawn], dtype=torch.float32)
    target = torch.tensor([d[2] for d in drawn], dtype=torch.float32)
    loss = ((q(seen).max(1)[0] - target) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
`;

const batchNote = (notes: readonly string[] | undefined) => notes?.some((n) => n.includes("backpropagates over the whole episodes")) ?? false;

describe("an update over whole episodes (episode-update-batch.ts)", () => {
  it("a loss summed over the episodes' moves has a batch the environment decides, not one state", async () => {
    const run = (await analyze(summed)).training;
    assert.equal(run?.steps?.value, 150);
    assert.equal(run?.batch, undefined, JSON.stringify(run?.batch));
    assert.ok(batchNote(run?.notes), JSON.stringify(run?.notes));
  });

  it("an episode's listed moves, left by break when it ends, are the batch too", async () => {
    const run = (await analyze(listed("        if finished:\n            break"))).training;
    assert.equal(run?.steps?.value, 300);
    assert.equal(run?.batch, undefined, JSON.stringify(run?.batch));
    assert.ok(batchNote(run?.notes), JSON.stringify(run?.notes));
  });

  it("leaves a counted loop with no way out (no episode played to its end) to the other rules", async () => {
    const run = (await analyze(listed(""))).training;
    assert.ok(!batchNote(run?.notes), JSON.stringify(run?.notes));
  });

  it("leaves a batch drawn from a replay buffer to the other rules", async () => {
    const result = await analyze(replayed);
    assert.ok(!batchNote(result.training?.notes), JSON.stringify(result.training?.notes));
  });
});
