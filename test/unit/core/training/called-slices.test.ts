import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A strided step loop whose slice sits in a method it calls with the loop's index (src/core/training/step-loop-batch.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (slice: string, call: string) => `import torch
from torch import nn

class Experiment:
    def __init__(self, batch_size=128, num_iterations=50):
        self.batch_size = batch_size
        self.num_iterations = num_iterations

    def get_batch(self, pairs, idx):
        batch = ${slice}
        return torch.tensor(batch), torch.zeros(len(batch))

    def train(self):
        pairs = list(range(5000))
        model = nn.Linear(1, 1)
        opt = torch.optim.Adam(model.parameters())
        for it in range(1, self.num_iterations + 1):
            for j in range(0, len(pairs), self.batch_size):
                ${call}
                opt.zero_grad()
                nn.functional.mse_loss(model(x.float().unsqueeze(1)), y.unsqueeze(1)).backward()
                opt.step()

Experiment(batch_size=256).train()
`;

describe("a strided step loop that slices in a method it calls (step-loop-batch.ts)", function () {
  this.timeout(20_000);
  it("self.get_batch(pairs, j) slicing pairs[idx:idx + self.batch_size] takes the stride as the batch", async () => {
    const plan = await planOf(SCRIPT("pairs[idx:min(idx + self.batch_size, len(pairs))]", "x, y = self.get_batch(pairs, j)"));
    assert.equal(plan.batch?.value, 256);
  });

  it("a method given something else than the index does not", async () => {
    const plan = await planOf(SCRIPT("pairs[idx:min(idx + self.batch_size, len(pairs))]", "x, y = self.get_batch(pairs, 0)"));
    assert.notEqual(plan.batch?.source === "code" && /step of/.test(plan.batch.detail) ? plan.batch.value : undefined, 256);
  });
});
