import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An iterator class of the script's own with no __len__: __next__ slices a batch at a cursor until StopIteration.
const SCRIPT = `import numpy as np
import torch
from torch import nn

class DataIterator:
    def __init__(self, x, y, batch_size=50):
        self.x, self.y = x, y
        self.batch_size = batch_size
        self.pos = 0

    def __iter__(self):
        self.pos = 0
        return self

    def __next__(self):
        if self.pos >= len(self.x):
            raise StopIteration
        xb = self.x[self.pos:self.pos + self.batch_size]
        yb = self.y[self.pos:self.pos + self.batch_size]
        self.pos += self.batch_size
        return xb, yb

x = np.random.rand(1000, 8).astype(np.float32)
y = np.random.rand(1000, 1).astype(np.float32)
model = nn.Linear(8, 1)
opt = torch.optim.Adam(model.parameters())
train_data = DataIterator(x, y, batch_size=40)
for epoch in range(4):
    for xb, yb in train_data:
        loss = ((model(torch.from_numpy(xb)) - torch.from_numpy(yb)) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("an iterator class that slices its batches until StopIteration", () => {
  it("reads the slice width as the batch and the sliced data's rows as the samples", async () => {
    const p = await plan(SCRIPT);
    assert.equal(p.batch?.value, 40);
    assert.equal(p.samples?.value, 1000);
    assert.equal(p.epochs?.value, 4);
    assert.match(p.batch!.detail, /DataIterator\.__next__ slices self\.x/);
  });

  it("needs the StopIteration at the end of the data", async () => {
    const endless = SCRIPT.replace("            raise StopIteration\n", "            self.pos = 0\n");
    assert.notEqual((await plan(endless)).batch?.value, 40);
  });
});
