import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A loader fed a name or `self.x` bound to the code's own dataset of unknown size trains on it, not on a part the
// same function sizes for other names (src/core/training/loader-own-binding.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const MODULE = (setup: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset, random_split
from torchvision.datasets import MNIST
import pytorch_lightning as pl

class Frames(Dataset):
    def __init__(self, folder):
        self.items = torch.load(folder + "/frames.pt")

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

class Net(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.layer = nn.Linear(784, 10)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return nn.functional.cross_entropy(self.layer(x.flatten(1)), y)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters())

class Data(pl.LightningDataModule):
    def setup(self, stage=None):
${setup}

    def train_dataloader(self):
        return DataLoader(self.train_set, batch_size=50)

trainer = pl.Trainer(max_epochs=4)
trainer.fit(Net(), datamodule=Data())
`;

describe("a loader fed the code's own dataset of unknown size (src/core/training/loader-own-binding.ts)", () => {
  it("leaves the samples unknown, not the first part of a split made for validation and test", async () => {
    const plan = await planOf(MODULE(`        self.train_set = Frames("data/train")
        self.val_set, self.test_set = random_split(MNIST("data", train=False), [5000, 5000])`));
    assert.equal(plan.batch?.value, 50);
    assert.equal(plan.samples, undefined);
  });

  it("still sizes the loader by the split it is fed", async () => {
    const plan = await planOf(MODULE(`        self.train_set, self.val_set = random_split(MNIST("data", train=True), [55000, 5000])`));
    assert.equal(plan.samples?.value, 55000);
  });

  it("keeps a sized dataset that the loader's own dataset is built from", async () => {
    const plan = await planOf(`import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset
from torchvision.datasets import MNIST

class Noisy(Dataset):
    def __init__(self, base):
        self.base = base

    def __len__(self):
        return len(self.base)

    def __getitem__(self, i):
        x, y = self.base[i]
        return x + 0.1 * torch.randn_like(x), y

model = nn.Linear(784, 10)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
base = MNIST("data", train=True, download=True)
train_set = Noisy(base)
loader = DataLoader(train_set, batch_size=100, shuffle=True)
for epoch in range(2):
    for x, y in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(model(x.flatten(1)), y).backward()
        opt.step()
`);
    assert.equal(plan.samples?.value, 60000);
  });

  it("takes the len() of the own dataset object the name holds, whatever split is made for validation", async () => {
    const plan = await planOf(`import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset, random_split
from torchvision.datasets import MNIST

class Pairs(Dataset):
    def __init__(self, base, n_pairs=1000):
        self.base = base
        self.n_pairs = n_pairs

    def __len__(self):
        return self.n_pairs

    def __getitem__(self, i):
        return self.base[i % 100]

def fit(model, loader, epochs):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(epochs):
        for x, y in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(x.flatten(1)), y).backward()
            opt.step()

def main():
    model = nn.Linear(784, 10)
    images = [(torch.zeros(784), k % 10) for k in range(100)]
    train_set = Pairs(images, n_pairs=40_000)
    val_set, test_set = random_split(dataset=Pairs(images, n_pairs=2_000), lengths=[1_000, 1_000])
    train_loader = DataLoader(train_set, batch_size=100)
    val_loader = DataLoader(val_set, batch_size=100)
    fit(model, train_loader, 3)

main()
`);
    assert.equal(plan.samples?.value, 40000);
    assert.equal(plan.batch?.value, 100);
  });

  it("takes the len() of the own dataset object a helper's parameter holds, as the call passes it", async () => {
    const plan = await planOf(`import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

class Noise(Dataset):
    def __init__(self, count):
        self.count = count
        self.rows = [(torch.rand(16), torch.rand(1)) for _ in range(count)]

    def __len__(self):
        return self.count

    def __getitem__(self, i):
        return self.rows[i]

def make_objects():
    data = Noise(1536)
    net = nn.Linear(16, 1)
    return data, net, torch.optim.SGD(net.parameters(), lr=0.01)

def make_loader(data, batch_size):
    return DataLoader(data, batch_size=batch_size, shuffle=True)

def main(epochs, batch_size):
    data, net, opt = make_objects()
    loader = make_loader(data, batch_size)
    for epoch in range(epochs):
        for x, y in loader:
            opt.zero_grad()
            nn.functional.mse_loss(net(x), y).backward()
            opt.step()

main(3, 64)
`);
    assert.deepEqual([plan.samples?.value, plan.batch?.value], [1536, 64]);
  });
});
