import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Scripts written for these tests: a function whose counted loop steps the optimizer, called once from a counted loop
// of repeated runs (training-plan.ts, callTurns on a step loop; loops-around-call.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const script = (main: string) => `import torch
import torch.nn as nn

RUNS = 4


def run(episodes=250):
    net = nn.Linear(8, 2)
    opt = torch.optim.Adam(net.parameters())
    for episode in range(episodes):
        x = torch.randn(16, 8)
        loss = net(x).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == "__main__":
${main}
`;

describe("a step loop's function called from counted loops (callTurns)", () => {
  it("multiplies the loop's steps by the turns of a loop of repeated runs around the one call", async () => {
    const plan = await planOf(script("    for seed in range(RUNS):\n        run()"));
    assert.equal(plan.steps?.value, 1000);
    assert.match(plan.steps?.detail ?? "", /for seed in range\(RUNS\) around run\(\)/);
  });

  it("keeps one call's steps where no loop repeats it", async () => {
    const plan = await planOf(script("    run()"));
    assert.equal(plan.steps?.value, 250);
  });

  it("keeps one call's steps where the function is called twice (no single call to follow)", async () => {
    const plan = await planOf(script("    for seed in range(RUNS):\n        run()\n    run(episodes=10)"));
    assert.notEqual(plan.steps?.value, 1000);
  });

  it("multiplies a step loop inside an episode loop by both the episodes and the turns around the call", async () => {
    const text = script("    for seed in range(RUNS):\n        run()").replace("        x = torch.randn(16, 8)\n", "        x = torch.randn(16, 8)\n        for k in range(3):\n").replace(/\n        (loss|opt)/g, "\n            $1");
    const plan = await planOf(text);
    assert.equal(plan.steps?.value, 4 * 250 * 3);
  });

  it("counts the turns once where the step loop sits in an epoch loop of the function (the epochs take them)", async () => {
    const text = `import torch
import torch.nn as nn

data = torch.randn(1200, 8)

def fit(lr, epochs=30, batch=128):
    net = nn.Linear(8, 2)
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    for epoch in range(epochs):
        for step in range(len(data) // batch):
            loss = net(data[step * batch:(step + 1) * batch]).pow(2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()

for lr in [0.1, 0.01]:
    fit(lr)
`;
    const plan = await planOf(text);
    // Before: 1,080 (2 turns counted in the epochs and again in the steps per epoch): 2 × 30 × 9 = 540.
    assert.equal(plan.epochs?.value, 60);
    assert.equal(planOptimizerSteps(plan)?.value, 540);
  });
});
