import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A trainer class of another file whose `__init__` builds a DataLoader and keeps it wrapped (`self.dl = cycle(dl)`,
// `iter(dl)`), and whose training method draws `next(self.dl)` each step: the batches are that loader's
// (src/core/training/wrapped-init-loader.ts, read by init-loaders.ts).
const RUNNER = (wrap: string) => `import torch
from torch.utils.data import DataLoader


def endless(loader):
    while True:
        for item in loader:
            yield item


class Runner:
    def __init__(self, net, data, *, rows=16, total=300):
        self.net = net
        dl = DataLoader(data, batch_size=rows, shuffle=True, drop_last=True)
        self.dl = ${wrap}
        self.opt = torch.optim.Adam(net.parameters(), lr=1e-4)
        self.total = total
        self.done = 0

    def train(self):
        while self.done < self.total:
            x, y = next(self.dl)
            loss = torch.nn.functional.mse_loss(self.net(x), y)
            loss.backward()
            self.opt.step()
            self.opt.zero_grad()
            self.done += 1
`;

const SCRIPT = `import torch
from torch.utils.data import TensorDataset
from runner import Runner

net = torch.nn.Linear(12, 3)
data = TensorDataset(torch.randn(900, 12), torch.randn(900, 3))
trainer = Runner(net, data, rows=30, total=300)
trainer.train()
`;

describe("a loader __init__ keeps wrapped, drawn with next(self.dl)", () => {
  it("reads the batch and samples through an own generator that walks the loader", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/runner.py": RUNNER("endless(dl)") } })).training;
    assert.equal(plan?.steps?.value, 300);
    assert.equal(plan?.batch?.value, 30);
    assert.equal(plan?.samples?.value, 900);
  });

  it("reads them through iter(dl) too", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/runner.py": RUNNER("iter(dl)") } })).training;
    assert.equal(plan?.batch?.value, 30);
  });
});
