import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { formatCountOf } from "../../../../src/core/report/format";

// Nineteenth round (issue 21): runs a script starts through a method of its model class or a function of another file
// whose step loop is in a helper of that file, and batches drawn by a helper by random index (index-draw-batch.ts).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

// The GPT tutorial layout: the data helper in utils.py, the model with its own training method in model.py.
const UTILS = `import torch

batch_size = 48
block_size = 32
data = torch.tensor(list(open("corpus.txt").read().encode()))

def get_batch(source):
    ix = torch.randint(len(source) - block_size, (batch_size,))
    x = torch.stack([source[i:i + block_size] for i in ix])
    y = torch.stack([source[i + 1:i + block_size + 1] for i in ix])
    return x, y
`;
const MODEL = `import torch
import torch.nn as nn
from utils import get_batch, block_size

class TinyLM(nn.Module):
    def __init__(self, vocab):
        super().__init__()
        self.emb = nn.Embedding(vocab, 64)
        self.head = nn.Linear(64, vocab)

    def forward(self, x, y):
        return nn.functional.cross_entropy(self.head(self.emb(x)).view(-1, 256), y.view(-1))

    def _train(self, data, n_iter, lr):
        opt = torch.optim.AdamW(self.parameters(), lr)
        for i in range(n_iter):
            x, y = get_batch(data)
            loss = self(x, y)
            opt.zero_grad()
            loss.backward()
            opt.step()
`;

describe("runs started through a model's method or another file's function, batches drawn by index (nineteenth round)", () => {
  it("a method named for training on the model (`model._train(data, 3000, lr)`): its step loop and the helper's random-index batch", async () => {
    const script = `from model import TinyLM
from utils import data

model = TinyLM(256)
model._train(data, 3000, 3e-4)
`;
    const plan = await planOf(script, { "/project/model.py": MODEL, "/project/utils.py": UTILS });
    // Before: no figure (the call is neither a plain function named for training nor under a __main__ guard).
    assert.equal(plan.steps?.value, 3000);
    // torch.randint(len(source) - block_size, (batch_size,)) draws 48 indexes, one window each.
    assert.equal(plan.batch?.value, 48);
    assert.match(plan.batch?.detail ?? "", /get_batch\(data\) draws torch\.randint\(\.\.\.\): 48 random indices a step/);
  });

  it("the helper's draw is bound by the call: `get_batch(split, bs)` with the script's 24, and numpy's randint(0, n, size)", async () => {
    const script = `import numpy as np
import torch
import torch.nn as nn

def get_batch(data, bs):
    ix = np.random.randint(0, len(data) - 8, bs)
    return torch.stack([data[i:i + 8] for i in ix])

net = nn.Linear(8, 8)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
data = torch.load("tokens.pt")
for step in range(700):
    x = get_batch(data, 24)
    net(x.float()).sum().backward()
    opt.step()
`;
    const plan = await planOf(script);
    assert.equal(plan.steps?.value, 700);
    assert.equal(plan.batch?.value, 24);
  });

  it("a random draw a helper returns without indexing data with it (a diffusion step's timesteps) gives no batch", async () => {
    const script = `import torch
import torch.nn as nn

def noise_level(n):
    return torch.randint(0, 1000, (n,))

net = nn.Linear(8, 8)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for step in range(50):
    t = noise_level(16)
    net(torch.load("x.pt")).sum().backward()
    opt.step()
`;
    const plan = await planOf(script);
    assert.equal(plan.steps?.value, 50);
    assert.notEqual(plan.batch?.value, 16);
  });

  it("a function of another file whose epoch loop calls a step function of its own module: both loops are the run's", async () => {
    const train = `import torch
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import ToTensor

def step_over(loader, model, opt):
    for x, y in loader:
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x.flatten(1)), y).backward()
        opt.step()

def evaluate(loader, model):
    with torch.no_grad():
        for x, y in loader:
            model(x.flatten(1))

def train(cfg):
    data = datasets.MNIST("data", train=True, transform=ToTensor())
    loader = DataLoader(data, batch_size=cfg["batch_size"])
    model = torch.nn.Linear(784, 10)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for t in range(cfg["epochs"]):
        step_over(loader, model, opt)
        evaluate(loader, model)
`;
    const script = `from config import cfg
from trainer.run import train

train(cfg)
`;
    const plan = await planOf(script, { "/project/trainer/__init__.py": "", "/project/trainer/run.py": train, "/project/config.py": `cfg = {"batch_size": 100, "epochs": 2}\n` });
    // Before: no figure (train's own body runs no backward pass; step_over, which it calls, does).
    assert.equal(plan.epochs?.value, 2);
    assert.equal(plan.batch?.value, 100);
    assert.equal(plan.samples?.value, 60_000);
  });

  it("counts read as words: one epoch, not '1 epochs'", () => {
    assert.equal(formatCountOf(1, "epoch"), "1 epoch");
    assert.equal(formatCountOf(60_000, "sample"), "60,000 samples");
  });
});
