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

  // The epoch draws only the sampler's indices (twenty-third round): the whole dataset's 50,000 is not its count.
  it("a sampler over indices it cannot count leaves the samples unknown, not the dataset's", async () => {
    const plan = (await analyze(script("np.load('idx.npy')"))).training ?? {};
    assert.equal(plan.samples, undefined);
    assert.equal(plan.epochs?.value, 3);
  });
});

// A sampler a function of the code's own returns (`sampler=pick_classes(train_data.targets, [3, 7])`, whose body keeps
// the indices of some classes and returns SubsetRandomSampler(indices)): a part of the dataset of a count the data
// decides (sampler-functions.ts), not the whole dataset's 60,000 images.
describe("subset samplers returned by the code's own function", () => {
  const script = (returned: string) => `import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader
from torch.utils.data.sampler import SubsetRandomSampler
from torchvision.datasets import MNIST
from torchvision.transforms import ToTensor

train_data = MNIST("./", train=True, transform=ToTensor(), download=True)

def pick_classes(labels, classes):
    (indices,) = np.where(np.isin(labels.numpy(), classes))
${returned}

loader = DataLoader(train_data, batch_size=32, sampler=pick_classes(train_data.targets, [3, 7]))
model = nn.Sequential(nn.Flatten(), nn.Linear(784, 2))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(4):
    for x, y in loader:
        opt.zero_grad()
        model(x).sum().backward()
        opt.step()
`;

  it("returned as built: samples unknown, the epochs and batch read", async () => {
    const plan = (await analyze(script("    return SubsetRandomSampler(torch.from_numpy(indices))"))).training ?? {};
    assert.equal(plan.samples, undefined);
    assert.deepEqual([plan.epochs?.value, plan.batch?.value], [4, 32]);
  });

  it("returned through a name it binds: likewise", async () => {
    const plan = (await analyze(script("    sampler = SubsetRandomSampler(indices)\n    return sampler"))).training ?? {};
    assert.equal(plan.samples, undefined);
  });

  it("a function that returns something else leaves the dataset's 60,000", async () => {
    const plan = (await analyze(script("    return torch.utils.data.RandomSampler(train_data)"))).training ?? {};
    assert.equal(plan.samples?.value, 60000);
  });
});
