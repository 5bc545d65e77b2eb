import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loader a workspace method builds, handed inline to another file's trainer class that walks it
// (src/core/training/inline-loader-call.ts).
const FITTER = `class Fitter:
    def __init__(self, net, opt, rows, rounds):
        self.net = net
        self.opt = opt
        self.rows = rows
        self.rounds = rounds

    def run(self):
        for r in range(self.rounds):
            for x, y in self.rows:
                loss = ((self.net(x) - y) ** 2).mean()
                self.opt.zero_grad()
                loss.backward()
                self.opt.step()
`;

const TABLES = `import torch
from torch.utils.data import DataLoader, TensorDataset

class Table:
    def __init__(self, count=840):
        self.count = count

    def make_loader(self, size, shuffle=True):
        pairs = TensorDataset(torch.randn(self.count, 6), torch.randn(self.count, 1))
        return DataLoader(pairs, batch_size=size, shuffle=shuffle)
`;

const SCRIPT = (loader: string) => `import torch
from fitter import Fitter
from tables import Table

net = torch.nn.Linear(6, 1)
opt = torch.optim.Adam(net.parameters())
table = Table()
Fitter(net, opt, ${loader}, 3).run()
`;

const others = { "/project/fitter.py": FITTER, "/project/tables.py": TABLES };

describe("a loader built inline where it is handed to a trainer", () => {
  it("takes the batch the method's DataLoader is built with", async () => {
    const plan = (await analyze(SCRIPT("table.make_loader(35)"), { others })).training;
    assert.equal(plan?.batch?.value, 35);
    assert.equal(plan?.samples?.value, 840);
  });

  it("takes no batch from a call named for a held-out loader", async () => {
    const plan = (await analyze(SCRIPT("table.make_loader(35)").replace("make_loader(35)", "make_val_loader(35)"), { others: { ...others, "/project/tables.py": TABLES.replace("make_loader", "make_val_loader") } })).training;
    assert.notEqual(plan?.batch?.value, 35);
  });
});
