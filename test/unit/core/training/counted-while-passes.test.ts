import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// `counter = 1; while counter <= N: ...; counter += 1` around a step loop runs it N times whatever the counter is
// called (src/core/training/training-plan.ts whileEpochs, while-epochs.ts). Scripts written for this test.
const inline = (counter: string, increment = `    ${counter} += 1`) => `import torch
import torch.nn as nn
model = nn.Linear(10, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
${counter} = 1
while ${counter} <= 600:
    for _ in range(10):
        x = torch.randn(32, 10)
        y = torch.randint(0, 2, (32,))
        loss = nn.functional.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
${increment}
`;

const stepsOf = async (text: string) => {
  const result = await analyze(text);
  return trainingPlanOf(result, result.models[0]!)?.steps?.value;
};

describe("a counted while loop around a step loop", () => {
  it("runs the step loop once a pass, whatever its counter is named", async () => {
    assert.equal(await stepsOf(inline("iteration")), 6000);
    assert.equal(await stepsOf(inline("rnd")), 6000);
  });

  it("a counter increased only under a condition counts no passes", async () => {
    assert.notEqual(await stepsOf(inline("iteration", "    if loss.item() > 0.1:\n        iteration += 1")), 6000);
  });
});
