import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A trainer that reads its data in __init__ and cuts it into a list of batch slices its fit() walks each epoch.
const SCRIPT = `import glob, json
import torch
from torch import nn

class Trainer:
    def __init__(self, data_dir, batch_size=32, epochs=20):
        self.graphs = [json.load(open(p)) for p in glob.glob(data_dir + "/*.json")]
        self.epochs = epochs
        self.batches = [self.graphs[i:i + batch_size] for i in range(0, len(self.graphs), batch_size)]
        self.model = nn.Linear(16, 1)
        self.opt = torch.optim.Adam(self.model.parameters())

    def fit(self):
        for epoch in range(self.epochs):
            for batch in self.batches:
                x = torch.tensor([g["x"] for g in batch], dtype=torch.float32)
                loss = self.model(x).mean()
                self.opt.zero_grad()
                loss.backward()
                self.opt.step()

trainer = Trainer("graphs")
trainer.fit()
`;

// The same cut made by a method each epoch, with append over the strided range, from data built in the code.
const METHOD = `import random
import torch
from torch import nn

class Trainer:
    def __init__(self, batch_size=25):
        self.batch_size = batch_size
        self.pairs = [[float(i)] * 16 for i in range(300)]
        self.model = nn.Linear(16, 1)
        self.opt = torch.optim.Adam(self.model.parameters())

    def create_batches(self):
        random.shuffle(self.pairs)
        batches = []
        for i in range(0, len(self.pairs), self.batch_size):
            batches.append(self.pairs[i:i + self.batch_size])
        return batches

    def fit(self):
        for epoch in range(3):
            batches = self.create_batches()
            for batch in batches:
                loss = self.model(torch.tensor(batch)).mean()
                self.opt.zero_grad()
                loss.backward()
                self.opt.step()

Trainer().fit()
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("a list of batch slices a trainer builds before its epochs", () => {
  it("reads the slice width as the batch, data of unknown size leaving the samples open", async () => {
    const p = await plan(SCRIPT);
    assert.equal(p.batch?.value, 32);
    assert.equal(p.epochs?.value, 20);
    assert.equal(p.samples, undefined);
    assert.match(p.batch!.detail, /slices of self\.graphs by batch_size/);
  });

  it("follows a method that returns the list built by append, and counts the data it slices", async () => {
    const p = await plan(METHOD);
    assert.equal(p.batch?.value, 25);
    assert.equal(p.samples?.value, 300);
    assert.equal(p.epochs?.value, 3);
  });

  it("needs the slice width to be the range's step", async () => {
    const p = await plan(SCRIPT.replace("self.graphs[i:i + batch_size]", "self.graphs[i:i + 1]"));
    assert.notEqual(p.batch?.value, 32);
  });
});
