import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// `for n, i in enumerate(range(0, len(data), bs))` whose slice sits in a module helper given the stride's index
// (src/core/training/step-loop-batch.ts): the stride is the batch and the range's bound the samples of a pass.
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (call: string) => `import torch
from torch import nn

series = torch.arange(0, 500, 0.5)
windows = torch.stack([series[i:i + 20] for i in range(len(series) - 20)])
batch_size = 16

def get_batch(data, start, size):
    chunk = data[start:start + size]
    return chunk[:, :-1], chunk[:, -1:]

model = nn.Linear(19, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(3):
    for n, i in enumerate(range(0, len(windows), batch_size)):
        ${call}
        opt.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()
        opt.step()
`;

describe("an enumerated strided range sliced in a helper (step-loop-batch.ts)", function () {
  this.timeout(20_000);
  it("get_batch(windows, i, batch_size) slicing data[start:start + size] walks the 980 windows a pass", async () => {
    const plan = await planOf(SCRIPT("x, y = get_batch(windows, i, batch_size)"));
    assert.equal(plan.batch?.value, 16);
    assert.equal(plan.samples?.value, 980);
    assert.equal(plan.epochs?.value, 3);
  });

  it("a helper given the enumerate count rather than the range's index does not", async () => {
    const plan = await planOf(SCRIPT("x, y = get_batch(windows, n, batch_size)"));
    assert.notEqual(plan.samples?.value, 980);
  });
});
