import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A script written for these tests: an actor-critic of one environment that stores a transition each pass and
// learns once its lists hold BATCH of them, then empties them (list-length-gate.ts).
const script = (gate: string, order: "append first" | "gate first" = "append first", reset = "states = []") => {
  const append = "        states.append(s)";
  const learn = `        if ${gate}:
            x = torch.tensor(states, dtype=torch.float32)
            opt.zero_grad()
            policy(x).pow(2).mean().backward()
            opt.step()
            ${reset}`;
  return `import gym
import torch
import torch.nn as nn

STEPS = 1000
BATCH = 64

policy = nn.Linear(4, 2)
opt = torch.optim.Adam(policy.parameters(), lr=1e-3)


def main():
    env = gym.make("CartPole-v1")
    s = env.reset()
    states = []
    for t in range(STEPS):
        a = env.action_space.sample()
        s2, r, done, info = env.step(a)
${order === "append first" ? `${append}\n${learn}` : `${learn}\n${append}`}
        s = env.reset() if done else s2


if __name__ == "__main__":
    main()
`;
};

const run = async (text: string) => {
  const result = await analyze(text);
  const model = result.models.find((m) => m.name === "policy");
  assert.ok(model, "policy is listed");
  const plan = trainingPlanOf(result, model);
  return { steps: plan && planOptimizerSteps(plan)?.value, batch: plan?.batch?.value };
};

describe("updates once a list gathered a pass at a time holds N items (list-length-gate.ts)", () => {
  it("steps on one pass in N, each update over the N items", async () => {
    // The list holds 64 items at passes 64, 128, ..., 960: 15 updates of 64.
    const { steps, batch } = await run(script("len(states) == BATCH"));
    assert.equal(steps, 15);
    assert.equal(batch, 64);
  });

  it("counts from the pass after when the append comes after the test", async () => {
    // The test sees 64 items at passes 65, 129, ..., 961: still 15 of 1,000 passes (16 of 1,025 would differ).
    const { steps } = await run(script("len(states) >= BATCH", "gate first"));
    assert.equal(steps, 15);
  });

  it("leaves a list the gate does not empty as the loop's passes", async () => {
    // Never emptied, the list holds 64 or more from pass 64 on: not one pass in N.
    const { steps } = await run(script("len(states) == BATCH", "append first", "pass"));
    assert.notEqual(steps, 15);
  });
});
