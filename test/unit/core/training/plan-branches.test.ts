import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";
import { DATASET_SIZES } from "../../../../src/core/training/dataset-sizes";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string, now?: () => number): Promise<TrainingPlan> => (await analyze(text, now ? { now } : {})).training ?? {};
const cifar = (name: string) => DATASET_SIZES.find((d) => d.name === name)!.trainSamples;

describe("training plans through flags, branches and framework defaults (src/core/training/training-plan.ts)", () => {
  const script = (dataset: string) => `import argparse
import torch
import torchvision

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', default='${dataset}')
parser.add_argument('--n_epochs', type=int, default='200')
args = parser.parse_args()

if args.dataset == 'cifar10':
    dataset_class = torchvision.datasets.CIFAR10
elif args.dataset == 'cifar100':
    dataset_class = torchvision.datasets.CIFAR100
else:
    dataset_class = torchvision.datasets.MNIST
trainset = dataset_class(root='./data', train=True, download=True)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=512, shuffle=True)

def train(model, opt):
    for epoch in range(args.n_epochs):
        for x, y in trainloader:
            loss = model(x).sum()
            loss.backward()
            opt.step()
`;

  it("parses an argparse string default with its type (type=int, default='200' is 200)", async () => {
    assert.equal((await planOf(script("cifar10"))).epochs?.value, 200);
  });

  it("reads the dataset class a variable holds, from the branch the defaults take", async () => {
    assert.equal((await planOf(script("cifar10"))).samples?.value, cifar("CIFAR10"));
    assert.equal((await planOf(script("mnist"))).samples?.value, cifar("MNIST"));
  });

  it("takes the loader of the branch the defaults take, not the first one written", async () => {
    const text = `import argparse
import torch
from torchvision import datasets

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', default='imagenet')
parser.add_argument('--batch_size', type=int, default=128)

def main(model, opt):
    args = parser.parse_args()
    if args.dataset == 'cifar100':
        train_loader = torch.utils.data.DataLoader(datasets.CIFAR100('../data', train=True), batch_size=args.batch_size, shuffle=True)
    elif args.dataset == 'imagenet':
        train_dataset = datasets.ImageFolder('/data/train')
        train_loader = torch.utils.data.DataLoader(train_dataset, batch_size=args.batch_size, shuffle=True)
    for epoch in range(90):
        for x, y in train_loader:
            model(x).sum().backward()
            opt.step()
`;
    const plan = await planOf(text);
    assert.equal(plan.samples, undefined, "ImageFolder's size is the folder's, not CIFAR-100's");
    assert.equal(plan.batch?.value, 128);
    assert.equal((await planOf(text.replace("default='imagenet'", "default='cifar100'"))).samples?.value, cifar("CIFAR100"));
  });

  it("gives a Lightning Trainer without max_epochs or max_steps its documented 1000 epochs, also from_argparse_args", async () => {
    const lightning = (trainer: string) => `import pytorch_lightning as pl
from torch.utils.data import DataLoader

def cli_main(model, data):
    trainer = ${trainer}
    trainer.fit(model, DataLoader(data, batch_size=32))
`;
    const plain = await planOf(lightning("pl.Trainer()"));
    assert.equal(plain.epochs?.value, 1000);
    assert.equal(plain.epochs?.source, "default");
    assert.equal((await planOf(lightning("pl.Trainer.from_argparse_args(args)"))).epochs?.value, 1000);
    assert.equal((await planOf(lightning("pl.Trainer(max_epochs=5)"))).epochs?.value, 5);
    assert.equal((await planOf(lightning("pl.Trainer(max_steps=500)"))).epochs, undefined);
  });

  it("reads `--bs`, the usual short flag for the batch size, as the batch", async () => {
    const plan = await planOf(`import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument('--bs', default=256, type=int)
parser.add_argument('--beam', default=5, type=int)
args = parser.parse_args()

def train(model, opt, source):
    for epoch in range(20):
        while True:
            x = source.get()
            if x is None:
                break
            model(x).sum().backward()
            opt.step()
`);
    assert.equal(plan.batch?.value, 256);
    assert.equal(plan.epochs?.value, 20);
  });

  it("gives a project's own Trainer class none of Lightning's defaults", async () => {
    // The project's trainer module (`import train` then `train.Trainer(...)`), its relative import, or a class of the file.
    const own = (header: string, trainer: string) => `${header}
from torch.utils.data import DataLoader

def cli_main(cfg, model, data):
    trainer = ${trainer}
    trainer.train(model, DataLoader(data, batch_size=32))
`;
    const trainerClass = "class Trainer:\n    def __init__(self, cfg, model):\n        self.cfg = cfg\n";
    const others = { "/project/train.py": trainerClass, "/project/engine/__init__.py": "", "/project/engine/loop.py": trainerClass };
    for (const [header, trainer] of [
      ["import train", "train.Trainer(cfg, model)"],
      ["from .engine import Trainer", "Trainer(cfg, model)"],
      ["import engine.loop as loops", "loops.Trainer(cfg, model)"],
      ["from engine.loop import Trainer", "Trainer(cfg, model)"],
      [trainerClass, "Trainer(cfg, model)"],
    ]) {
      const plan = (await analyze(own(header!, trainer!), { others })).training ?? {};
      assert.equal(plan.epochs, undefined, `${header}: no made-up 1000 epochs`);
      assert.equal(plan.batch?.value, 32);
    }
    assert.equal((await planOf(own("from lightning.pytorch import Trainer", "Trainer()"))).epochs?.value, 1000);
    assert.equal((await planOf(own("import lightning as L", "L.Trainer()"))).epochs?.value, 1000);
    // An installed library's Trainer (not one of the project's files) may subclass Lightning's, as Lightning Flash's does.
    assert.equal((await planOf(own("from flash import Trainer", "Trainer()"))).epochs?.value, 1000);
  });

  it("takes a Trainer name the file binds itself, or one in a file importing nothing of Lightning's, as not Lightning's", async () => {
    const script = (header: string, bind: string) => `${header}
from torch.utils.data import DataLoader

def main(opt, model, data):
${bind}    trainer = Trainer(opt, model)
    trainer.train(model, DataLoader(data, batch_size=32))
`;
    // A class chosen from a registry in main (`Trainer = train_factory[opt.task]`), Lightning imported elsewhere in the file.
    const chosen = await planOf(script("import pytorch_lightning as pl\nfrom trains import train_factory", "    Trainer = train_factory[opt.task]\n"));
    assert.equal(chosen.epochs, undefined, "a registry's class: no Lightning default");
    assert.equal(chosen.batch?.value, 32);
    // No import says where Trainer comes from, and nothing of Lightning's is imported.
    assert.equal((await planOf(script("import torch", ""))).epochs, undefined);
    // A star import of Lightning still names its Trainer.
    assert.equal((await planOf(script("from pytorch_lightning import *", ""))).epochs?.value, 1000);
  });

  it("does not read transformers' Trainer(model=, args=) as Lightning's", async () => {
    const plan = await planOf(`from transformers import Trainer, TrainingArguments

def train(model, data):
    args = TrainingArguments(output_dir="out")
    trainer = Trainer(model=model, args=args, train_dataset=data)
    trainer.train()
`);
    assert.equal(plan.epochs?.value, 3, "TrainingArguments' default num_train_epochs");
  });

  it("reads the same plan however slow the clock runs (a step budget, not wall time)", async () => {
    let t = 0;
    const slow = () => (t += 1000);
    assert.deepEqual(await planOf(script("cifar100"), slow), await planOf(script("cifar100")));
  });

  describe("a break on a step bound inside an epoch loop counts the steps Python runs", () => {
    const loop = (body: string, setup = "", after = "") => `def train(model, opt, loader):
    ${setup || "pass"}
    for epoch in range(3):
        for i, (x, y) in enumerate(loader):
${body.split("\n").map((l) => `            ${l}`).join("\n")}
${after}`;
    const stepsOf = async (text: string) => (await planOf(text)).steps?.value;
    const step = "model(x).sum().backward()\nopt.step()";

    it("the loop's own index: N before the step with >=, N + 1 with > or after the step", async () => {
      assert.equal(await stepsOf(loop(`if i >= 100:\n    break\n${step}`)), 300);
      assert.equal(await stepsOf(loop(`if i > 100:\n    break\n${step}`)), 303);
      assert.equal(await stepsOf(loop(`${step}\nif i >= 100:\n    break`)), 303);
    });

    it("a counter set before the epoch loop caps the whole run, with one step per later epoch when only the inner loop breaks", async () => {
      const counter = `${step}\nstep += 1\nif step >= 1000:\n    break`;
      assert.equal(await stepsOf(loop(counter, "step = 0")), 1000 + 2);
      assert.equal(await stepsOf(loop(counter, "step = 0", "        if step >= 1000:\n            break\n")), 1000);
    });

    it("a counter reset in each epoch caps each epoch", async () => {
      const text = `def train(model, opt, loader):
    for epoch in range(3):
        step = 0
        for x, y in loader:
            model(x).sum().backward()
            opt.step()
            step += 1
            if step >= 1000:
                break
`;
      assert.equal(await stepsOf(text), 3000);
    });
  });

  it("reads a global that main() sets (`global args; args = parser.parse_args()`) in the functions it calls", async () => {
    const script = (action: string) => `import argparse
import torch
import torch.nn as nn
import torchvision

parser = argparse.ArgumentParser()
parser.add_argument('--epochs', type=int, default=12)
parser.add_argument('--half', action='${action}')

def main():
    global args
    args = parser.parse_args()
    model = nn.Linear(3072, 10).cuda()
    loader = torch.utils.data.DataLoader(torchvision.datasets.CIFAR10('./data', train=True), batch_size=100)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(args.epochs):
        train(loader, model, optimizer)

def train(loader, model, optimizer):
    for x, y in loader:
        x = x.cuda()
        if args.half:
            x = x.half()
        loss = model(x.flatten(1)).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

if __name__ == '__main__':
    main()
`;
    const off = await planOf(script("store_true"));
    assert.equal(off.epochs?.value, 12);
    assert.equal(off.precision?.value, "fp32", "--half is off by default: the cast in train() does not run");
    const on = await planOf(script("store_false"));
    assert.equal(on.precision?.value, "fp16");
  });
});

