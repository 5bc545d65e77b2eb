import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A module-level loader fed `sampler=SubsetRandomSampler(indices)` draws those indices once an epoch
// (pytorch.org/docs/stable/data.html), as a loader built in a function already did (loader-functions.ts).
describe("subset samplers at module level", () => {
  const script = (indices: string) => `import numpy as np
import torch
from torch import nn
from torch.utils.data.sampler import SubsetRandomSampler
from torchvision import datasets

train_data = datasets.CIFAR10("data", train=True, download=True)
valid_size = 0.2
num_train = len(train_data)
indices = list(range(num_train))
np.random.shuffle(indices)
split = int(np.floor(valid_size * num_train))
train_idx, valid_idx = indices[split:], indices[:split]
train_sampler = SubsetRandomSampler(${indices})
train_loader = torch.utils.data.DataLoader(train_data, batch_size=20, sampler=train_sampler)
model = nn.Linear(8, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    for x, y in train_loader:
        opt.zero_grad()
        model(x).sum().backward()
        opt.step()
`;

  it("an 80% sampler of CIFAR-10's training images gives 40,000 samples an epoch, not 50,000", async () => {
    const plan = (await analyze(script("train_idx"))).training ?? {};
    assert.equal(plan.samples?.value, 40000);
    assert.match(plan.samples?.detail ?? "", /SubsetRandomSampler\(train_idx\)/);
  });

  it("a sampler over indices it cannot count leaves the dataset's samples", async () => {
    const plan = (await analyze(script("np.load('idx.npy')"))).training ?? {};
    assert.equal(plan.samples?.value, 50000);
  });
});
