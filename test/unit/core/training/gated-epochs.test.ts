import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// An epoch loop whose pass over the data sits under a test of the epoch index trains only on the turns the test lets
// through (src/core/training/gated-epochs.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (gate: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

pairs = TensorDataset(torch.randn(1200, 8), torch.randn(1200, 1))
loader = DataLoader(pairs, batch_size=100, shuffle=True)
net = nn.Linear(8, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.01)
rounds = 6
for epoch in range(0, rounds + 1):
    ${gate}
        for x, y in loader:
            opt.zero_grad()
            nn.functional.mse_loss(net(x), y).backward()
            opt.step()
    with torch.no_grad():
        print(epoch, nn.functional.mse_loss(net(pairs.tensors[0]), pairs.tensors[1]).item())
`;

describe("epoch loops gated on the epoch index", () => {
  it("a first turn that only evaluates (if epoch > 0:) trains no epoch", async () => {
    const plan = await planOf(SCRIPT("if epoch > 0:"));
    assert.equal(plan.epochs?.value, 6, "turns 1..6 of range(0, 7)");
  });

  it("reads a period and leaves an ungated loop's turns as they are", async () => {
    assert.equal((await planOf(SCRIPT("if epoch % 2 == 0:"))).epochs?.value, 4, "turns 0, 2, 4, 6");
    assert.equal((await planOf(SCRIPT("if True:"))).epochs?.value, 7);
  });
});
