import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loader another workspace file builds at its top level, imported by the script (twentieth round, imported-loader.ts).
const data = `import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
batch_size = 64
train_loader = DataLoader(datasets.MNIST("data", train=True, download=True, transform=transforms.ToTensor()), batch_size=batch_size, shuffle=True)
`;
const script = (importLine: string) => `import torch
${importLine}

net = torch.nn.Linear(784, 10)
opt = torch.optim.SGD(net.parameters(), lr=0.1)

def train(model, iterator):
    for i, (x, y) in enumerate(iterator):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x.view(-1, 784)), y).backward()
        opt.step()

for epoch in range(5):
    train(net, train_loader)
`;

describe("a loader imported from a workspace module (src/core/training/imported-loader.ts)", () => {
  it("`from data import *` and `from data import train_loader`: that module's loader gives the batch and samples", async () => {
    for (const line of ["from data import *", "from data import train_loader"]) {
      const plan = (await analyze(script(line), { others: { "/project/data.py": data } })).training ?? {};
      // Before: no batch or samples (the model input's batch, and --samples asked for).
      assert.equal(plan.batch?.value, 64, line);
      assert.equal(plan.samples?.value, 60000, line);
      assert.equal(plan.epochs?.value, 5, line);
      assert.match(plan.batch?.detail ?? "", /train_loader, imported from data\.py/);
    }
  });

  it("a name the script binds itself after the import is the script's, not the module's", async () => {
    const text = script("from data import *").replace("for epoch in range(5):", "train_loader = [(torch.randn(8, 784), torch.randint(0, 10, (8,)))]\nfor epoch in range(5):");
    const plan = (await analyze(text, { others: { "/project/data.py": data } })).training ?? {};
    assert.notEqual(plan.batch?.value, 64);
  });

  it("the loaders a method of a workspace object builds there (`loader.make_iter(...)`) give the batch", async () => {
    const util = `import torch
from torch.utils.data import DataLoader
class Loaders:
    def __init__(self, root):
        self.root = root
    def make(self, dataset, batch_size):
        train = DataLoader(dataset, batch_size=batch_size, shuffle=True)
        test = DataLoader(dataset, batch_size=256)
        return train, test
`;
    const module = `import torch
from torch.utils.data import TensorDataset
from util import Loaders
loaders = Loaders("data")
train_iter, test_iter = loaders.make(TensorDataset(torch.randn(1000, 784), torch.randint(0, 10, (1000,))), batch_size=32)
`;
    const plan = (await analyze(script("from data import *").replace(/train_loader/g, "train_iter"), { others: { "/project/data.py": module, "/project/util.py": util } })).training ?? {};
    assert.equal(plan.batch?.value, 32);
  });

  it("torchtext's BucketIterator.splits((train, valid), ...) built there: the batch, and no samples from len() of the tuple", async () => {
    const util = `from torchtext.legacy.data import BucketIterator
class Loaders:
    def make(self, train, valid, batch_size):
        return BucketIterator.splits((train, valid), batch_size=batch_size)
`;
    const module = `from util import Loaders
import mydata
train, valid = mydata.read()
loaders = Loaders()
train_iter, valid_iter = loaders.make(train, valid, batch_size=128)
`;
    const plan = (await analyze(script("from data import *").replace(/train_loader/g, "train_iter"), { others: { "/project/data.py": module, "/project/util.py": util } })).training ?? {};
    assert.equal(plan.batch?.value, 128);
    // Before: 2 samples, len((train, valid)).
    assert.equal(plan.samples, undefined);
  });
});
