import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An adversarial pair written for these tests: the critic steps `critic_iters` times on each batch, in a method (or a
// function) that a loop over a loader calls once a batch, itself called once an epoch.
const methods = (loader: string) => `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class PairTrainer:
    def __init__(self, maker, judge):
        self.maker = maker
        self.judge = judge
        self.opt_maker = torch.optim.Adam(maker.parameters(), lr=1e-4)
        self.opt_judge = torch.optim.Adam(judge.parameters(), lr=1e-4)

    def batch_step(self, real, critic_iters=4):
        for _ in range(critic_iters):
            fake = self.maker(torch.randn(real.size(0), 8))
            judge_loss = self.judge(fake.detach()).mean() - self.judge(real).mean()
            self.opt_judge.zero_grad()
            judge_loss.backward()
            self.opt_judge.step()

    def one_pass(self, loader, critic_iters=4):
        for (real,) in ${loader}:
            self.batch_step(real, critic_iters)

    def fit(self, loader, epochs=6, critic_iters=4):
        for epoch in range(epochs):
            self.one_pass(loader, critic_iters)
`;

const functions = `import torch
import torch.nn as nn


def judge_steps(judge, opt, real, repeats=5):
    for _ in range(repeats):
        loss = judge(real).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()


def fit(judge, opt, loader, epochs=3):
    for epoch in range(epochs):
        for real, _ in loader:
            judge_steps(judge, opt, real)
`;

describe("a step loop whose function a loop of unstated length calls (src/core/training/uncounted-call-loops.ts)", () => {
  it("leaves a method's critic loop, called once a batch of a loader, out of the run's steps", async () => {
    const run = (await analyze(methods("loader"))).training;
    assert.equal(run?.epochs?.value, 6, JSON.stringify(run?.epochs));
    // 4 critic steps on each of the loader's batches, whose number the code does not state: not 4, nor 6 × 4.
    assert.equal(run?.steps, undefined, JSON.stringify(run?.steps));
  });

  it("does so through a module-level function called in the loader loop of the epoch loop", async () => {
    const run = (await analyze(functions)).training;
    assert.equal(run?.epochs?.value, 3, JSON.stringify(run?.epochs));
    assert.equal(run?.steps, undefined, JSON.stringify(run?.steps));
  });

  it("keeps the count of a step loop called from counted loops alone", async () => {
    const counted = functions.replace("for real, _ in loader:\n            judge_steps(judge, opt, real)", "judge_steps(judge, opt, loader)");
    const run = (await analyze(counted)).training;
    assert.equal(run?.steps?.value, 15, JSON.stringify(run?.steps));
  });
});
