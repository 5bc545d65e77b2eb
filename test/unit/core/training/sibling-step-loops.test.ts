import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Scripts written for these tests: two networks fitted one after the other in counted loops of their own in each pass
// of an outer loop, a baseline K times and then an actor J times (sibling-step-loops.ts).
const script = (valueIters: string, actorIters: string) => `import torch
import torch.nn as nn


class Actor(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)


class Baseline(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 1)

    def forward(self, x):
        return self.fc(x)


actor = Actor()
baseline = Baseline()
opt_a = torch.optim.Adam(actor.parameters(), lr=1e-3)
opt_b = torch.optim.Adam(baseline.parameters(), lr=1e-3)
for episode in range(50):
    states = torch.randn(200, 4)
    for i in range(${valueIters}):
        opt_b.zero_grad()
        baseline(states).pow(2).mean().backward()
        opt_b.step()
    for i in range(${actorIters}):
        opt_a.zero_grad()
        actor(states).pow(2).mean().backward()
        opt_a.step()
`;

const stepsOf = async (text: string) => {
  const result = await analyze(text);
  const of = (name: string) => {
    const model = result.models.find((m) => m.name === name);
    assert.ok(model, `${name} is listed`);
    const plan = trainingPlanOf(result, model);
    return plan && planOptimizerSteps(plan)?.value;
  };
  return { actor: of("Actor"), baseline: of("Baseline") };
};

describe("networks stepped in counted loops one after the other (sibling-step-loops.ts)", () => {
  it("gives each network the outer loop's passes times its own loop's count", async () => {
    const { actor, baseline } = await stepsOf(script("20", "5"));
    assert.equal(baseline, 1000);
    assert.equal(actor, 250);
  });

  it("leaves loops of the same count to the plan's one figure", async () => {
    const { actor, baseline } = await stepsOf(script("10", "10"));
    assert.equal(baseline, 500);
    assert.equal(actor, 500);
  });
});
