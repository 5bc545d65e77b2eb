import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A training method of another file that walks a DataLoader its object's `__init__` builds with DataLoader itself
// (`self.loader = DataLoader(Share(data, ids), batch_size=...)`): the loader's batch, its epochs under a loop named
// for iterations, and no samples borrowed from a data set the script built elsewhere (src/core/training/init-loaders.ts).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const WORKER = (dataset: string) => `import torch
from torch.utils.data import DataLoader, Dataset

class Share(Dataset):
    def __init__(self, base, ids):
        self.base = base
        self.ids = list(ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        return self.base[self.ids[i]]

class Worker:
    def __init__(self, opts, base=None, ids=None):
        self.opts = opts
        self.loader = DataLoader(${dataset}, batch_size=self.opts.local_bs, shuffle=True)

    def train(self, net):
        opt = torch.optim.SGD(net.parameters(), lr=0.05)
        for iter in range(self.opts.local_ep):
            for k, (xb, yb) in enumerate(self.loader):
                opt.zero_grad()
                torch.nn.functional.cross_entropy(net(xb), yb).backward()
                opt.step()
        return net.state_dict(), 0.0
`;

const SCRIPT = (before: string) => `import argparse
import torch
import torch.nn as nn
from torch.utils.data import TensorDataset
from worker import Worker

parser = argparse.ArgumentParser()
parser.add_argument('--local_ep', type=int, default=4)
parser.add_argument('--local_bs', type=int, default=12)

if __name__ == '__main__':
    args = parser.parse_args()
    full = TensorDataset(torch.randn(900, 6), torch.randint(0, 4, (900,)))
    parts = {0: set(range(90))}
    net = nn.Linear(6, 4)
${before}    worker = Worker(args, base=full, ids=parts[0])
    w, loss = worker.train(net=net)
`;

describe("a loader an object's __init__ builds with DataLoader, walked by another file's method", () => {
  it("gives the batch, and a loop named for iterations around the whole loader is the epochs", async () => {
    const plan = await planOf(SCRIPT(""), { "/project/worker.py": WORKER("base") });
    assert.equal(plan.batch?.value, 12);
    assert.equal(plan.epochs?.value, 4);
    assert.equal(plan.samples?.value, 900);
  });

  it("leaves the samples unknown where the walked data's length is not known, not the script's 900", async () => {
    const plan = await planOf(SCRIPT(""), { "/project/worker.py": WORKER("Share(base, ids)") });
    assert.equal(plan.batch?.value, 12);
    assert.equal(plan.epochs?.value, 4);
    assert.equal(plan.samples, undefined);
  });

  it("tries a call named for training after ten setup calls that use up the candidates", async () => {
    const setup = Array.from({ length: 10 }, (_, i) => `    net.register_buffer('b${i}', torch.zeros(1))\n`).join("");
    const plan = await planOf(SCRIPT(setup), { "/project/worker.py": WORKER("base") });
    assert.equal(plan.epochs?.value, 4);
  });
});
