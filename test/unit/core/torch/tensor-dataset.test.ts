import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// torch.utils.data.TensorDataset as a value (src/core/torch/tensor-dataset.ts): its length is the first tensor's
// rows, so a Sampler of the project's own that asks len() of it, or a count taken from len(ds), is known.
const SCRIPT = `import torch
from torch import nn
from torch.utils.data import DataLoader, Sampler, TensorDataset

feats = torch.zeros(700, 3)
marks = torch.zeros(700, dtype=torch.long)
ds = TensorDataset(feats, marks)

class Twice(Sampler):
    def __init__(self, source):
        self.source = source
    def __iter__(self):
        for _ in range(2):
            yield from range(len(self.source))
    def __len__(self):
        return 2 * len(self.source)

dl = DataLoader(ds, batch_size=35, sampler=Twice(ds))
net = nn.Linear(3, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(4):
    for xb, yb in dl:
        opt.zero_grad()
        nn.functional.cross_entropy(net(xb), yb).backward()
        opt.step()
`;

describe("TensorDataset (src/core/torch/tensor-dataset.ts)", () => {
  it("has the first tensor's rows as its length: a sampler over it draws twice them", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value], [4, 1400, 35]);
  });

  it("gives each item as the tuple of the tensors' rows: a layer sized by one is built", async () => {
    const text = SCRIPT.replace("net = nn.Linear(3, 2)", "first_x, first_y = ds[0]\nassert tuple(first_x.shape) == (3,)\nnet = nn.Linear(first_x.shape[0], 2)");
    const result = await analyze(text);
    assert.equal(result.models.find((m) => m.name === "net")?.params, 3 * 2 + 2);
  });

  it("of tensors of unknown size has no length, and the sampler's samples stay unknown", async () => {
    const plan = (await analyze(SCRIPT.replace("torch.zeros(700, 3)", "torch.load('x.pt')").replace("torch.zeros(700, dtype=torch.long)", "torch.load('y.pt')"))).training ?? {};
    assert.equal(plan.samples, undefined);
  });
});
