import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A function defined inside the one that runs the epoch loop (Spinning Up's `def update():` inside `ppo(...)`): its
// loops read the enclosing function's parameters (a closure), and run on each call the epoch loop makes.
const script = (call: string, update = "update()") => `import torch
import torch.nn as nn


def train(epochs=50, rollout=4000, pi_iters=80):
    pi = nn.Linear(8, 2)
    opt = torch.optim.Adam(pi.parameters(), lr=3e-4)
    obs = torch.zeros(rollout, 8)

    def update():
        for i in range(pi_iters):
            opt.zero_grad()
            pi(obs).pow(2).mean().backward()
            opt.step()

    for epoch in range(epochs):
        for t in range(rollout):
            obs[t] = torch.randn(8)
        ${update}


if __name__ == "__main__":
    ${call}
`;

describe("training plan: loops of a function nested in the training function (code-sites.ts, called-step-loops.ts)", () => {
  it("reads the enclosing function's parameters and runs the nested loop once per epoch", async () => {
    const plan = (await analyze(script("train(epochs=30)"))).training ?? {};
    assert.equal(plan.epochs?.value, 30);
    assert.equal(plan.steps?.value, 30 * 80);
  });

  it("binds the enclosing parameter the call passes, and the nested function's own parameter shadows it", async () => {
    const passed = (await analyze(script("train(epochs=30, pi_iters=10)"))).training ?? {};
    assert.equal(passed.steps?.value, 30 * 10);
    const shadowed = (await analyze(script("train(epochs=30)").replace("def update():", "def update(pi_iters=5):"))).training ?? {};
    assert.equal(shadowed.steps?.value, 30 * 5);
  });

  it("counts no steps per epoch when the epoch loop does not call the nested function", async () => {
    const plan = (await analyze(script("train(epochs=30)", "pass"))).training ?? {};
    assert.notEqual(plan.steps?.value, 30 * 80);
  });
});
