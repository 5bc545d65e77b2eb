import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A function whose epoch loop calls the module's one-epoch training function (`run(model, ..., n)` around
// `one_epoch(...)`), called in turn for two stages of one network: each call runs its own epochs, and they add up
// (calls-in-turn.ts).
const SCRIPT = `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

pairs = TensorDataset(torch.randn(512, 10), torch.randn(512, 1))
batches = DataLoader(pairs, batch_size=32, shuffle=True)
reg = nn.Sequential(nn.Linear(10, 20), nn.ReLU(), nn.Linear(20, 1))
opt = torch.optim.SGD(reg.parameters(), lr=0.01)

def one_epoch(model, loader, optimizer):
    for x, y in loader:
        optimizer.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()
        optimizer.step()

def run(model, loader, optimizer, n_epochs):
    for epoch in range(n_epochs):
        one_epoch(model, loader, optimizer)

WARMUP = 3
run(reg, batches, opt, WARMUP)
run(reg, batches, opt, 7)
`;

describe("an outer epoch loop around a one-epoch function, called in turn", () => {
  it("adds up the calls' epochs", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs?.value, 10);
    assert.equal(plan.batch?.value, 32);
  });
});
