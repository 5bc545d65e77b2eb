import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// REINFORCE over episodes: `batch_size` episodes are played between two updates (`if e % batch_size == 0:`), so the
// name counts episodes, not the items of a batch.
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const script = (use: string) => `import torch
import torch.nn as nn

def main():
    num_episode = 500
    batch_size = 5
    policy = nn.Linear(4, 2)
    optimizer = torch.optim.RMSprop(policy.parameters(), lr=0.01)
    for e in range(num_episode):
        loss = policy(torch.randn(${use}, 4)).sum()
        loss.backward()
        if e > 0 and e % batch_size == 0:
            optimizer.step()
            optimizer.zero_grad()

main()
`;

describe("a batch_size that only sets a period between updates (training-plan.ts periodOnly)", () => {
  it("is no batch when the code reads it only after `%`", async () => {
    const plan = await planOf(script("1"));
    assert.equal(plan.batch, undefined);
    // The period still gates the steps.
    assert.match(plan.steps?.detail ?? "", /% batch_size == 0/);
  });

  it("is the batch when the code also sizes data with it", async () => {
    assert.equal((await planOf(script("batch_size"))).batch?.value, 5);
  });
});
