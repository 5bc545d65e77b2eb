import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { linearLoop } from "../../helpers/training-loop";

// Loaders that a function of another file builds, read with the call's own arguments (src/core/training/loader-functions.ts).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

describe("loaders built by another file's function (src/core/training/loader-functions.ts)", () => {
  const UTILS = `from torch.utils.data import DataLoader, SubsetRandomSampler
from torchvision import datasets

def get_loaders(batch_size, held_out=None):
    train_set = datasets.CIFAR10("data", train=True)
    if held_out is not None:
        train_sampler = SubsetRandomSampler(range(0, 50000 - held_out))
        train_loader = DataLoader(train_set, batch_size=batch_size, drop_last=True, sampler=train_sampler)
    else:
        train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True)
    return train_loader
`;
  const SCRIPT = (call: string) => `import torch
from torch import nn
from utils import get_loaders

def main():
    train_loader = ${call}
${linearLoop("train_loader", "    ")}

if __name__ == "__main__":
    main()
`;

  it("a loader of another file's function over a SubsetRandomSampler has the sampler's samples and its drop_last, in the branch the call takes", async () => {
    const plan = await planOf(SCRIPT("get_loaders(32, held_out=5000)"), { "/project/utils.py": UTILS });
    assert.equal(plan.batch?.value, 32);
    assert.equal(plan.samples?.value, 45000);
    assert.equal(plan.dropLast, true);
    const whole = await planOf(SCRIPT("get_loaders(32)"), { "/project/utils.py": UTILS });
    assert.equal(whole.batch?.value, 32);
    assert.notEqual(whole.samples?.value, 45000);
    assert.notEqual(whole.dropLast, true);
  });

  const DATASETS = `from torch.utils.data import DataLoader
from torchvision import datasets
from mydata import ShardSet

def get_loaders(batch_size=128, shards=False, part=True):
    if shards:
        train_set = ShardSet("data")
    else:
        train_set = datasets.CIFAR100("data", download=True, train=part)
    train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True)
    return train_loader
`;

  it("a loader of another file's function over a dataset of the table has that dataset's training samples, on the branch the call takes", async () => {
    const plan = await planOf(SCRIPT("get_loaders(batch_size=64)"), { "/project/utils.py": DATASETS });
    assert.equal(plan.batch?.value, 64);
    assert.equal(plan.samples?.value, 50000);
    assert.equal(plan.samples?.source, "dataset table");
    assert.match(plan.samples?.detail ?? "", /CIFAR100 \(training split/);
    // The other branch builds a dataset of the code's own: its size is not the table's.
    assert.equal((await planOf(SCRIPT("get_loaders(64, shards=True)"), { "/project/utils.py": DATASETS })).samples, undefined);
    // The test part is not the training samples.
    assert.equal((await planOf(SCRIPT("get_loaders(64, part=False)"), { "/project/utils.py": DATASETS })).samples, undefined);
  });

  const TFDATA = `import tensorflow as tf
import settings

def make_sets(paths, labels):
    train_set = tf.data.Dataset.from_tensor_slices((paths, labels))
    test_set = tf.data.Dataset.from_tensor_slices((paths, labels))
    train_set = train_set.shuffle(buffer_size=100).batch(batch_size=settings.BATCH)
    test_set = test_set.batch(1)
    return train_set, test_set
`;
  const LOOP = `import tensorflow as tf
from data import make_sets

model = tf.keras.Sequential([tf.keras.layers.Input((4,)), tf.keras.layers.Dense(2)])
optimizer = tf.keras.optimizers.Adam()
train_set, test_set = make_sets([[0.0] * 4] * 10, [0] * 10)
for epoch in range(7):
    for x, y in train_set:
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(model(x))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
`;

  it("a loader of another file's function with a batch_sampler has the sampler's batch and drop_last, and its dataset's size however it is built", async () => {
    // The dataset class chosen by name, in another function, the pair unpacked: len(train_set) is still CIFAR-10's.
    const BUILT = `import torch
import torchvision

def make_sets(name):
    module = getattr(torchvision.datasets, name)
    return module("data", train=True), module("data", train=False)

def get_loaders(batch_size, name="CIFAR10", drop_last=True, inline=False):
    train_set, test_set = make_sets(name)
    sampler = torch.utils.data.sampler.RandomSampler(train_set, replacement=False)
    if inline:
        return torch.utils.data.DataLoader(train_set, batch_sampler=torch.utils.data.BatchSampler(sampler, batch_size, drop_last))
    batches = torch.utils.data.sampler.BatchSampler(sampler, batch_size=batch_size, drop_last=drop_last)
    train_loader = torch.utils.data.DataLoader(train_set, batch_sampler=batches, num_workers=2)
    return train_loader
`;
    const plan = await planOf(SCRIPT("get_loaders(128)"), { "/project/utils.py": BUILT });
    assert.deepEqual([plan.batch?.value, plan.dropLast, plan.samples?.value], [128, true, 50000]);
    const inline = await planOf(SCRIPT("get_loaders(100, name='CIFAR100', drop_last=False, inline=True)"), { "/project/utils.py": BUILT });
    assert.deepEqual([inline.batch?.value, inline.samples?.value], [100, 50000]);
    assert.notEqual(inline.dropLast, true);
    // In the script's own file too.
    const own = await planOf(`import torch
import torchvision
from torch import nn

def main():
    train_set = torchvision.datasets.MNIST("data", train=True)
    batches = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(train_set), batch_size=64, drop_last=True)
    train_loader = torch.utils.data.DataLoader(train_set, batch_sampler=batches)
${linearLoop("train_loader", "    ")}

main()
`);
    assert.deepEqual([own.batch?.value, own.dropLast], [64, true]);
  });

  it("a tf.data set another file's function batches, and the loop iterates, has that function's training batch", async () => {
    const plan = await planOf(LOOP, { "/project/data.py": TFDATA, "/project/settings.py": "BATCH = 12\n" });
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.batch?.value, 12);
    const other = await planOf(LOOP, { "/project/data.py": TFDATA, "/project/settings.py": "BATCH = 5\n" });
    assert.equal(other.batch?.value, 5);
  });

  it("`train_loader, test_loader = data.get(batch_size=...)`: a module's function that builds a list of loaders over a dataset built in the DataLoader's call", async () => {
    const DATA = `import torch
from torchvision import datasets, transforms

def get(batch_size, root="/tmp/data", train=True, val=True, **kwargs):
    ds = []
    if train:
        train_loader = torch.utils.data.DataLoader(
            datasets.FashionMNIST(root=root, train=True, download=True, transform=transforms.ToTensor()),
            batch_size=batch_size, shuffle=True, **kwargs)
        ds.append(train_loader)
    if val:
        test_loader = torch.utils.data.DataLoader(
            datasets.FashionMNIST(root=root, train=False, download=True, transform=transforms.ToTensor()),
            batch_size=batch_size, shuffle=False, **kwargs)
        ds.append(test_loader)
    ds = ds[0] if len(ds) == 1 else ds
    return ds
`;
    const script = `import torch
from torch import nn
import data

train_loader, test_loader = data.get(batch_size=250, num_workers=1)
${linearLoop("train_loader")}
`;
    const plan = await planOf(script, { "/project/data.py": DATA });
    assert.equal(plan.batch?.value, 250);
    assert.equal(plan.samples?.value, 60000);
    assert.match(plan.samples?.detail ?? "", /FashionMNIST \(training split/);
    // The same loader over the test split is not the run's samples.
    const test = await planOf(script, { "/project/data.py": DATA.replace("FashionMNIST(root=root, train=True", "FashionMNIST(root=root, train=False") });
    assert.equal(test.samples, undefined);
  });

  it("`loader = data.Data(args)`: a workspace class whose __init__ builds its loaders on self, read with the constructor's arguments", async () => {
    const data = `from torch.utils.data import DataLoader
from torchvision import datasets

class Data:
    def __init__(self, args, test_batch=1):
        self.batch = args.batch_size
        self.loader_train = None
        if not args.test_only:
            self.loader_train = DataLoader(datasets.MNIST("data", train=True), batch_size=self.batch, shuffle=True)
        self.loader_test = DataLoader(datasets.MNIST("data", train=False), batch_size=test_batch, shuffle=False)
`;
    const script = (testOnly: string) => `import argparse
import torch
from torch import nn
import data

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", type=int, default=16)
parser.add_argument("--test_only", action="${testOnly}")
args = parser.parse_args()

loader = data.Data(args)
model = nn.Linear(784, 10)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    for x, y in loader.loader_train:
        optimizer.zero_grad()
        model(x.flatten(1)).sum().backward()
        optimizer.step()
`;
    const plan = await planOf(script("store_true"), { "/project/data.py": data });
    assert.equal(plan.batch?.value, 16, "the training loader's batch, through self.batch, not the test loader's 1");
    assert.equal(plan.samples?.value, 60000);
    assert.equal(plan.epochs?.value, 3);
    // With --test_only on by default, __init__ builds no training loader: only the test loader's batch is left.
    const testOnly = await planOf(script("store_false"), { "/project/data.py": data });
    assert.notEqual(testOnly.batch?.value, 16);
  });
});

describe("a project's own dataset class named as torchvision's", () => {
  // Scripts written for this test: dataloaders/datasets/pascal.py defines its own VOCSegmentation over its files.
  const OWN = `class VOCSegmentation(object):
    def __init__(self, args, split="train"):
        self.split = split
        self.images = []

    def __len__(self):
        return len(self.images)
`;
  const LOADERS = (dataset: string) => `from torch.utils.data import DataLoader
${dataset === "own" ? "from dataloaders.datasets import pascal" : "from torchvision import datasets as pascal"}


def make_data_loader(args):
    train_set = pascal.VOCSegmentation(${dataset === "own" ? "args, split='train'" : "'data', image_set='train', download=True"})
    return DataLoader(train_set, batch_size=args.batch_size, shuffle=True)
`;
  const SCRIPT = `import argparse
import torch
from dataloaders import make_data_loader

parser = argparse.ArgumentParser()
parser.add_argument("--batch-size", type=int, default=6)
args = parser.parse_args()
train_loader = make_data_loader(args)
model = torch.nn.Linear(8, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    for x, y in train_loader:
        opt.zero_grad()
        model(x).sum().backward()
        opt.step()
`;
  it("does not take torchvision's split size for it; torchvision's own class still has it", async () => {
    const own = (await analyze(SCRIPT, { others: { "/project/dataloaders/__init__.py": LOADERS("own"), "/project/dataloaders/datasets/__init__.py": "", "/project/dataloaders/datasets/pascal.py": OWN } })).training ?? {};
    assert.equal(own.batch?.value, 6);
    assert.equal(own.samples, undefined);
    const library = (await analyze(SCRIPT, { others: { "/project/dataloaders/__init__.py": LOADERS("torchvision") } })).training ?? {};
    assert.equal(library.samples?.value, 1464);
  });
});

describe("a dataset that another file's loader function passes through a split helper", () => {
  const DATA = (rebind: string) => `import torch
from torch.utils.data import DataLoader, random_split
from torchvision.datasets import CIFAR10

BATCH_SIZE = 256


def split_dataset(dataset, val_split=0.2, train=True):
    n = len(dataset)
    val_len = int(val_split * n)
    dataset_train, dataset_val = random_split(dataset, [n - val_len, val_len], generator=torch.Generator().manual_seed(42))
    if train:
        return dataset_train
    return dataset_val


def prepare_train():
    dataset_train = CIFAR10(root="data", train=True, download=False)
${rebind}
    return DataLoader(dataset_train, batch_size=BATCH_SIZE, shuffle=True)
`;
  const SCRIPT = `import torch
from torch import nn
from data import prepare_train

model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
train_loader = prepare_train()
for epoch in range(3):
    for x, y in train_loader:
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
`;

  it("has the helper's random_split part, not the whole training split; a rebinding it cannot size leaves the samples unknown", async () => {
    const split = await planOf(SCRIPT, { "/project/data.py": DATA("    dataset_train = split_dataset(dataset_train)") });
    assert.equal(split.samples?.value, 40000);
    assert.match(split.samples?.detail ?? "", /split_dataset\(dataset_train\)/);
    assert.equal(split.batch?.value, 256);
    const whole = await planOf(SCRIPT, { "/project/data.py": DATA("    pass") });
    assert.equal(whole.samples?.value, 50000);
    const unknown = await planOf(SCRIPT, { "/project/data.py": DATA("    dataset_train = torch.utils.data.ConcatDataset([dataset_train, dataset_train])") });
    assert.notEqual(unknown.samples?.value, 50000);
  });
});

describe("a loader function that dispatches to another by its argument", () => {
  const DISPATCH = `from loaders import get_mnist, get_usps

def get_data_loader(name, train=True):
    if name == "USPS":
        return get_usps(train)
    elif name == "MNIST":
        return get_mnist(train)
`;
  const LOADERS = (batch: string) => `import torch
from torchvision import datasets

def get_mnist(train):
    mnist = datasets.MNIST(root="data", train=train, download=True)
    return torch.utils.data.DataLoader(dataset=mnist, batch_size=${batch}, shuffle=True)

def get_usps(train):
    return torch.utils.data.DataLoader(dataset=datasets.USPS(root="data", train=train), batch_size=7, shuffle=True)
`;
  // No word of the usual training vocabulary but the loader's own name (`src_data_loader`): the file is still read.
  const DISPATCHING = (name: string) => `import torch
from torch import nn
from utils import get_data_loader

if __name__ == "__main__":
    src_data_loader = get_data_loader("${name}")
${linearLoop("src_data_loader", "    ").replace("for epoch in range(2)", "for e in range(4)")}
`;

  it("follows a dispatcher that returns another function's loader to the function its argument picks", async () => {
    const mnist = await planOf(DISPATCHING("MNIST"), { "/project/utils.py": DISPATCH, "/project/loaders.py": LOADERS("50") });
    assert.equal(mnist.batch?.value, 50);
    assert.equal(mnist.samples?.value, 60000);
    assert.match(mnist.batch?.detail ?? "", /get_data_loader\("MNIST"\)/);
    const usps = await planOf(DISPATCHING("USPS"), { "/project/utils.py": DISPATCH, "/project/loaders.py": LOADERS("50") });
    assert.equal(usps.batch?.value, 7);
    const unknown = await planOf(DISPATCHING("SVHN"), { "/project/utils.py": DISPATCH, "/project/loaders.py": LOADERS("50") });
    assert.equal(unknown.batch, undefined);
  });

  it("reads a script whose only training word is a loader's name, training through another file's function", async () => {
    const TRAIN = `import torch
from torch import nn

def train_src(model, data_loader):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(3):
        for x, y in data_loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(x.flatten(1)), y).backward()
            opt.step()
    return model
`;
    const script = `from torch import nn
from utils import get_data_loader
from train import train_src

if __name__ == "__main__":
    src_data_loader = get_data_loader("USPS")
    net = train_src(nn.Linear(784, 10), src_data_loader)
`;
    const plan = await planOf(script, { "/project/utils.py": DISPATCH, "/project/loaders.py": LOADERS("50"), "/project/train.py": TRAIN });
    assert.equal(plan.epochs?.value, 3);
    assert.equal(plan.batch?.value, 7);
  });

  it("takes no batch from a loader bound to a validation name when the training loader's is unknown", async () => {
    const data = `from torch.utils.data import DataLoader
from torchvision import datasets

def create_dataloader(hp, train):
    dataset = datasets.MNIST("data", train=train)
    if train:
        return DataLoader(dataset, batch_size=hp.batch_size, shuffle=True)
    return DataLoader(dataset, batch_size=1)
`;
    const script = `import sitelib
from data import create_dataloader
${linearLoop("trainloader")}
`.replace("model = nn.Linear", "hp = sitelib.load_config()\ntrainloader = create_dataloader(hp, True)\nvalloader = create_dataloader(hp, False)\nmodel = nn.Linear").replace("import sitelib", "import torch\nfrom torch import nn\nimport sitelib");
    const plan = await planOf(script, { "/project/data.py": data });
    assert.equal(plan.epochs?.value, 2);
    assert.equal(plan.batch, undefined, JSON.stringify(plan.batch));
  });
});
