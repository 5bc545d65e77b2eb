import { strict as assert } from "node:assert";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { analyze } from "../../helpers/analyze";

// A model bound, looked at and bound again before a training function is called with the new one: the function's loop
// runs only for the call, so the first binding takes no run of its own from the function's defaults
// (models-in-turn.ts, lineWithin).
const SCRIPT = (firstUse: string) => `import torch
from torch import nn

data = torch.randn(600, 8)
target = torch.randn(600, 1)

def fit(net, optimizer, rounds=5):
    for r in range(rounds):
        for i in range(0, len(data), 50):
            optimizer.zero_grad()
            nn.functional.mse_loss(net(data[i:i + 50]), target[i:i + 50]).backward()
            optimizer.step()
    return net

model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
${firstUse}
model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1))
model = fit(model, torch.optim.SGD(model.parameters(), lr=0.01), rounds=12)
`;

describe("a model bound again before the training function's call (models-in-turn.ts)", function () {
  this.timeout(20_000);
  it("gives the first binding no run from the function's default: only the call trains", async () => {
    const result = await analyze(SCRIPT("print(model)"));
    const epochs = result.models.map((m) => trainingPlanOf(result, m)?.epochs?.value);
    assert.equal(result.models.length, 2);
    assert.deepEqual(epochs, [12, 12]);
  });

  it("a first binding whose own statements call the function keeps that call's run", async () => {
    const result = await analyze(SCRIPT("model = fit(model, torch.optim.SGD(model.parameters(), lr=0.01), rounds=3)"));
    const epochs = result.models.map((m) => trainingPlanOf(result, m)?.epochs?.value);
    assert.deepEqual(epochs, [3, 12]);
  });
});
