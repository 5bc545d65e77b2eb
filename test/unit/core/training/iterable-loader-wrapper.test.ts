import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A data function returning an iterable object of a workspace class whose `__init__` builds the DataLoader on self
// and whose `__iter__` walks it (src/core/training/iterable-loader-wrapper.ts). Files written for this test.
const data = (returned: string) => `import torch
from torch.utils.data import DataLoader, TensorDataset


def build_data(opt):
    holder = BatchFeeder(opt)
    ${returned}


class BatchFeeder():
    def __init__(self, opt):
        self.opt = opt
        self.items = TensorDataset(torch.randn(300, 4))
        self.batches = DataLoader(self.items, batch_size=opt.batch_size, shuffle=True)

    def ready(self):
        return self

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        for data in self.batches:
            yield data
`;
const script = `import argparse
import torch
from feeder import build_data

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", type=int, default=20)
parser.add_argument("--n_epochs", type=int, default=4)
opt = parser.parse_args()
stream = build_data(opt)
net = torch.nn.Linear(4, 1)
optimizer = torch.optim.Adam(net.parameters())
for epoch in range(opt.n_epochs):
    for i, data in enumerate(stream):
        optimizer.zero_grad()
        net(data[0]).sum().backward()
        optimizer.step()
`;
const planOf = async (returned: string) => (await analyze(script, { others: { "/project/feeder.py": data(returned) } })).training;

describe("an iterable object a data function returns", () => {
  it("has the samples of the DataLoader its __init__ builds, through a method returning self", async () => {
    const plan = await planOf("feeder = holder.ready()\n    return feeder");
    assert.equal(plan?.batch?.value, 20);
    assert.equal(plan?.samples?.value, 300);
  });

  it("and when the object itself is returned", async () => {
    const plan = await planOf("return holder");
    assert.equal(plan?.samples?.value, 300);
  });
});
