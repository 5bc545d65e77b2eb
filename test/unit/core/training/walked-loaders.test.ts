import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Domain-adaptation scripts pass two loaders to a training function of another file that walks them together
// (src/core/training/zipped-loaders.ts `walkedTogether`, `shortestLoader`): each epoch is the shorter loader's.
const planOf = async (text: string, others: Record<string, string>): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const DATA = `import torch
from torchvision import datasets

def get_loader(name, batch_size, drop_last=True):
    if name == "svhn":
        ds = datasets.SVHN("data", split="train", download=True)
    elif name == "mnist":
        ds = datasets.MNIST("data", train=True, download=True)
    else:
        ds = datasets.ImageFolder("data/" + name)
    return torch.utils.data.DataLoader(ds, batch_size=batch_size, shuffle=True, drop_last=drop_last)
`;

const TRAIN = (walk: string) => `import torch
from torch import nn

def train_epoch(model, opt, src_loader, tgt_loader):
${walk}
        opt.zero_grad()
        nn.functional.cross_entropy(model(xs.flatten(1)), ys).backward()
        opt.step()
`;

const SCRIPT = (source: string, target: string, setup = "") => `import torch
from torch import nn
from data import get_loader
from engine import train_epoch

${setup}
src_loader = get_loader("${source}", 128)
tgt_loader = get_loader("${target}", 128)
model = nn.Linear(3072, 10)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(10):
    train_epoch(model, opt, src_loader, tgt_loader)
`;

const ZIP = "    for (xs, ys), (xt, _) in zip(src_loader, tgt_loader):";
const MIN = "    n = min(len(src_loader), len(tgt_loader))\n    it_s, it_t = iter(src_loader), iter(tgt_loader)\n    for i in range(n):\n        xs, ys = next(it_s)";

describe("loaders a called training function walks together (src/core/training/zipped-loaders.ts)", () => {
  it("zip(src, tgt) in another file's function: the epoch is the shorter loader's (SVHN 572 batches, MNIST 468 with drop_last)", async () => {
    const plan = await planOf(SCRIPT("svhn", "mnist"), { "/project/data.py": DATA, "/project/engine.py": TRAIN(ZIP) });
    assert.equal(plan.epochs?.value, 10);
    assert.equal(plan.batch?.value, 128);
    assert.equal(plan.samples?.value, 60000);
    assert.equal(plan.dropLast, true);
    assert.match(plan.samples?.detail ?? "", /shortest loader of src_loader, tgt_loader/);
  });

  it("a loop bounded by min(len(src), len(tgt)) is read as zip is", async () => {
    const plan = await planOf(SCRIPT("svhn", "mnist"), { "/project/data.py": DATA, "/project/engine.py": TRAIN(MIN) });
    assert.equal(plan.samples?.value, 60000);
  });

  it("the samples are unknown, with a note, when one loader's size is (images on disk)", async () => {
    const plan = await planOf(SCRIPT("mnist", "mnist_m"), { "/project/data.py": DATA, "/project/engine.py": TRAIN(ZIP) });
    assert.equal(plan.batch?.value, 128);
    assert.equal(plan.samples, undefined);
    assert.ok(plan.notes?.some((n) => /shortest loader of src_loader, tgt_loader/.test(n)), JSON.stringify(plan.notes));
  });

  it("a function that walks one loader keeps the training loader's samples", async () => {
    const one = TRAIN("    for xs, ys in src_loader:");
    const plan = await planOf(SCRIPT("svhn", "mnist"), { "/project/data.py": DATA, "/project/engine.py": one });
    assert.equal(plan.samples?.value, 73257);
  });

  it("a call in the epoch loop is tried after many setup calls", async () => {
    const setup = Array.from({ length: 10 }, (_, i) => `model_${i} = nn.Linear(2, 2)\nmodel_${i}.cuda()`).join("\n");
    const plan = await planOf(SCRIPT("svhn", "mnist", setup), { "/project/data.py": DATA, "/project/engine.py": TRAIN(ZIP) });
    assert.equal(plan.samples?.value, 60000);
  });

  const INLINE = (walk: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets

src = DataLoader(datasets.SVHN("data", split="train", download=True), batch_size=100, shuffle=True)
tgt = DataLoader(datasets.MNIST("data", train=True, download=True), batch_size=100, shuffle=True)
model = nn.Linear(3072, 10)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(10):
${walk}
        opt.zero_grad()
        nn.functional.cross_entropy(model(xs.flatten(1)), ys).backward()
        opt.step()
`;

  it("in the script itself: a while loop bounded by min(len(src), len(tgt)) runs the shorter loader's batches (MNIST's 600 of 100, not SVHN's 733)", async () => {
    const walk = "    len_dataloader = min(len(src), len(tgt))\n    it_s, it_t = iter(src), iter(tgt)\n    i = 0\n    while i < len_dataloader:\n        i += 1\n        xs, ys = next(it_s)";
    const plan = await planOf(INLINE(walk), {});
    assert.equal(plan.batch?.value, 100);
    assert.equal(plan.samples?.value, 60000);
  });

  it("in the script itself: zip of two loaders whose datasets are both known takes the shorter's samples", async () => {
    const plan = await planOf(INLINE("    for (xs, ys), (xt, _) in zip(src, tgt):"), {});
    assert.equal(plan.samples?.value, 60000);
  });
});
