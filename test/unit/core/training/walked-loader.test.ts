import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A script that builds a loader named for training but trains on another one its loop walks (nineteenth round).
describe("the training loader is the one a step loop walks (src/core/training/training-plan.ts)", () => {
  it("`for x, y in dataloader:` with backward passes beats an unwalked `trainLoader` for batch and samples", async () => {
    const text = `import torch
from torch.utils.data import DataLoader, TensorDataset

files = torch.load("pixels.pt")
trainSet = TensorDataset(files, files)
trainLoader = DataLoader(dataset=trainSet, batch_size=64, shuffle=True)

table = TensorDataset(torch.randn(693, 840), torch.randn(693, 3))
dataloader = DataLoader(dataset=table, batch_size=32)

net = torch.nn.Linear(840, 3)
opt = torch.optim.Adam(net.parameters())
for epoch in range(4):
    for x, y in dataloader:
        opt.zero_grad()
        torch.nn.functional.mse_loss(net(x), y).backward()
        opt.step()
`;
    const plan = (await analyze(text)).training ?? {};
    // Before: trainLoader won on its name (batch 64, samples unknown).
    assert.equal(plan.batch?.value, 32);
    assert.equal(plan.samples?.value, 693);
    assert.equal(plan.epochs?.value, 4);
  });
});
