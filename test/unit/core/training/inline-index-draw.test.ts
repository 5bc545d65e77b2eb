import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Scripts written for these tests: a step loop that indexes its data with random indices drawn in the subscript itself
// (`X[np.random.randint(0, n, size=B)]`), with no name for the draw (index-draw-batch.ts indexDrawsIn).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const script = (index: string, head = "") => `import numpy as np
import torch
import torch.nn as nn

X = np.random.rand(5000, 20).astype(np.float32)
model = nn.Linear(20, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
${head}
for step in range(300):
    xb = torch.from_numpy(X[${index}])
    loss = model(xb).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
`;

describe("a batch drawn by random indices in the subscript itself (index-draw-batch.ts)", () => {
  it("takes numpy's size= count of an inline draw as the batch", async () => {
    const plan = await planOf(script("np.random.randint(0, X.shape[0], size=48)"));
    assert.equal(plan.batch?.value, 48);
    assert.equal(plan.steps?.value, 300);
  });

  it("reads the count where a function parameter gives it", async () => {
    const text = script("np.random.randint(0, len(X), size=b)").replace("for step in range(300):", "def run(b=16):\n  for step in range(300):").replace(/\n    /g, "\n      ") + "\n\nrun(b=24)\n";
    const plan = await planOf(text);
    assert.equal(plan.batch?.value, 24);
  });

  it("takes a draw named first that indexes the rows of a table beside whole slices (`memory[ix, :]`)", async () => {
    const plan = await planOf(script("ix, :", "ix = np.random.choice(5000, 40)").replace("for step in range(300):\n", "for step in range(300):\n    ix = np.random.choice(5000, 40)\n"));
    assert.equal(plan.batch?.value, 40);
  });

  it("takes no batch from a draw that indexes a later axis (`memory[:, ix]`)", async () => {
    const plan = await planOf(script(":, ix").replace("for step in range(300):\n", "for step in range(300):\n    ix = np.random.choice(20, 8)\n"));
    assert.notEqual(plan.batch?.value, 8);
  });

  it("takes no batch from a single index drawn without a size", async () => {
    const plan = await planOf(script("np.random.randint(0, 10)"));
    assert.notEqual(plan.batch?.value, 10);
  });
});
