import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A DataLoader given a batch_size the analyzer cannot work out: the batch is unknown, not the model input's
// (src/core/training/unread-loader-batch.ts).
const SCRIPT = (batch: string) => `import argparse
import json
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(12, 3)

    def forward(self, x):
        return self.fc(x)

parser = argparse.ArgumentParser()
parser.add_argument("config")
args = parser.parse_args()
with open(args.config) as f:
    settings = json.load(f)
data = TensorDataset(torch.randn(640, 12), torch.randint(0, 3, (640,)))
loader = DataLoader(data, batch_size=${batch}, shuffle=True)
net = Net()
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(4):
    for x, y in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(net(x), y).backward()
        opt.step()
`;

describe("a loader's batch_size of unknown value (src/core/training/unread-loader-batch.ts)", () => {
  it("leaves the run's batch unknown, with a note, instead of the model input's batch 1", async () => {
    const result = await analyze(SCRIPT('settings["batch_size"]'));
    assert.equal(result.training?.batch, undefined);
    assert.match(result.training?.batchFromData?.detail ?? "", /batch_size=settings\["batch_size"\] is not known/);
    assert.equal(result.training?.epochs?.value, 4);
  });

  it("keeps a known batch, and reads nothing into batch_size=None", async () => {
    assert.equal((await analyze(SCRIPT("40"))).training?.batch?.value, 40);
    assert.equal((await analyze(SCRIPT("None"))).training?.batchFromData, undefined);
  });

  it("states nothing alone: a library file's trainer class whose loader takes an unread batch_size keeps no plan", async () => {
    const result = await analyze(`import torch
from torch.utils.data import DataLoader

class Runner:
    def __init__(self, dataset, settings):
        self.loader = DataLoader(dataset, batch_size=settings.batch_size, shuffle=True)
`);
    assert.equal(result.training?.batchFromData, undefined);
  });

  it("states nothing in a module of helpers: a loader function and a training function nothing in the file calls", async () => {
    const result = await analyze(`import torch
import torchvision

def data_loader(root, batch_size_train):
    trainset = torchvision.datasets.CIFAR10(root=root, train=True, download=True)
    return torch.utils.data.DataLoader(trainset, batch_size=batch_size_train, shuffle=True)

def train(net, optimizer, trainloader, epochs):
    for epoch in range(epochs):
        for x, y in trainloader:
            optimizer.zero_grad()
            torch.nn.functional.cross_entropy(net(x), y).backward()
            optimizer.step()
`);
    assert.equal(result.training?.batchFromData, undefined);
  });
});
