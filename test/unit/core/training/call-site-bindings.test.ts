import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

const SCRIPT = (launch: string) => `import argparse
import torch
import torch.nn as nn
from utils import launcher


def main(args):
    model = nn.Linear(16, 4)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    data = torch.utils.data.TensorDataset(torch.zeros(1000, 16))
    loader = torch.utils.data.DataLoader(data, batch_size=256 // args.gpus)
    for epoch in range(args.epochs):
        for (x,) in loader:
            model(x).sum().backward()
            opt.step()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--gpus", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=30)
    args = parser.parse_args()
    ${launch}
`;

async function planOf(launch: string) {
  return (await analyze(SCRIPT(launch))).training ?? {};
}

describe("call-site bindings: a function's parameters from where the script starts it", () => {
  it("a launcher given the function first and `args=(...)` runs fn(*args): the parameters bind to the tuple", async () => {
    const plan = await planOf("launcher.launch(main, args.gpus, 1, 0, 'auto', args=(args,))");
    assert.strictEqual(plan.batch?.value, 128);
    assert.strictEqual(plan.epochs?.value, 30);
  });

  it("torch.multiprocessing.start_processes(fn, args=(...)) runs fn(i, ...) as spawn does", async () => {
    const script = SCRIPT("import torch.multiprocessing as mp\n    mp.start_processes(worker, args=(args,), nprocs=args.gpus)")
      .replace("def main(args):", "def worker(rank, args):");
    assert.strictEqual((await analyze(script)).training?.batch?.value, 128);
  });

  it("functools.partial(fn, args=(...)) is not a launch: it binds nothing", async () => {
    const plan = await planOf("import functools\n    run = functools.partial(main, args=(args,))");
    assert.strictEqual(plan.batch?.value, undefined);
  });

  it("without `args=`, or with the function not first, the launcher's call binds nothing", async () => {
    assert.strictEqual((await planOf("launcher.launch(main, args.gpus, (args,))")).batch?.value, undefined);
    assert.strictEqual((await planOf("launcher.launch(args.gpus, main, args=(args,))")).batch?.value, undefined);
  });
});

const WORKER = (split: string) => `import argparse
import torch
import torch.nn as nn
import torch.multiprocessing as mp


def worker(gpu, ngpus, args):
    model = nn.Linear(16, 4)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
${split}
    data = torch.utils.data.TensorDataset(torch.zeros(1024, 16))
    loader = torch.utils.data.DataLoader(data, batch_size=args.batch_size, drop_last=True)
    for epoch in range(args.epochs):
        for (x,) in loader:
            model(x).sum().backward()
            opt.step()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--distributed", action="store_true", default=True)
    args = parser.parse_args()
    ngpus = 2
    mp.spawn(worker, nprocs=ngpus, args=(ngpus, args))


if __name__ == "__main__":
    main()
`;

describe("call-site bindings: a worker that splits the batch among its processes", () => {
  it("a branch that divides by a parameter binds that parameter: 256 over 2 processes is 128 each", async () => {
    const plan = (await analyze(WORKER("    if args.distributed:\n        args.batch_size = int(args.batch_size / ngpus)"))).training ?? {};
    assert.strictEqual(plan.batch?.value, 128);
    assert.strictEqual(plan.epochs?.value, 3);
  });

  it("a change the worker makes to the caller's object happens once, however many figures are read after it", async () => {
    const script = WORKER("    args.batch_size = args.batch_size // 2")
      .replace("def worker(gpu, ngpus, args):", "def worker(gpu, ngpus, argss):\n    global args\n    args = argss")
      .replace(/        for \(x,\) in loader:\n            model\(x\).sum\(\).backward\(\)\n            opt.step\(\)/, "        train(loader, model, opt)")
      .replace("    args = parser.parse_args()\n", "    args = Config(vars(parser.parse_args()))\n")
      .replace("def worker(", "class Config(dict):\n    def __getattr__(self, name):\n        return self[name]\n\n    def __setattr__(self, name, value):\n        self[name] = value\n\n\ndef worker(")
      .replace("def main():", "def train(loader, model, opt):\n    for (x,) in loader:\n        model(x).sum().backward()\n        opt.step()\n\n\ndef main():");
    const plan = (await analyze(script)).training ?? {};
    assert.strictEqual(plan.batch?.value, 128);
    assert.strictEqual(plan.samples?.value, 1024);
  });
});

const SPREAD = (call: string) => `import argparse
import torch
import torch.nn as nn


def train(epochs, batch_size, lr=0.1):
    model = nn.Linear(16, 4)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    data = torch.utils.data.TensorDataset(torch.zeros(1000, 16))
    loader = torch.utils.data.DataLoader(data, batch_size=batch_size)
    for i in range(0, epochs + 1):
        for (x,) in loader:
            model(x).sum().backward()
            opt.step()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=7)
    ap.add_argument("--batch_size", type=int, default=100)
    ${call}
`;

describe("call-site bindings: a mapping spread into the call", () => {
  it("train(**vars(args)) gives each parameter the option of its name: range(0, epochs + 1) is 8 epochs of batch 100", async () => {
    const plan = (await analyze(SPREAD("args = vars(ap.parse_args())\n    train(**args)"))).training ?? {};
    assert.strictEqual(plan.epochs?.value, 8);
    assert.strictEqual(plan.batch?.value, 100);
    assert.strictEqual(plan.epochs?.detail, "for i in range(0, epochs + 1)");
  });

  it("a keyword written in the call wins over the mapping's key, as Python passes it", async () => {
    const plan = (await analyze(SPREAD("config = {'epochs': 3, 'batch_size': 50}\n    train(batch_size=200, **config)"))).training ?? {};
    assert.strictEqual(plan.epochs?.value, 4);
    assert.strictEqual(plan.batch?.value, 200);
  });
});
