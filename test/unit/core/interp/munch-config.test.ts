import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// The built-in munch (src/core/interp/config-packages.ts): a YAML config made a DefaultMunch or Munch gives the run its
// figures through attribute reads. Our own fixtures.
const CONFIG = "train:\n  epochs: 7\n  batch_size: 32\n  layers: [{width: 4}]\n";

const script = (load: string, read = "config.train.epochs") => `import yaml
import torch
import torch.nn as nn
from munch import DefaultMunch, Munch, munchify
from torch.utils.data import DataLoader, TensorDataset

with open("config.yaml") as f:
    config = ${load}

data = TensorDataset(torch.randn(640, 8), torch.randn(640, 1))
loader = DataLoader(data, batch_size=config.train.batch_size)
model = nn.Linear(8, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(${read}):
    for x, y in loader:
        opt.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()
        opt.step()
`;

const planOf = async (text: string) => (await analyze(text, { others: { "/project/config.yaml": CONFIG } })).training ?? {};

describe("munch's containers as a built-in package", () => {
  it("DefaultMunch.fromDict makes nested dicts read as attributes", async () => {
    const plan = await planOf(script("DefaultMunch.fromDict(yaml.safe_load(f))"));
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.batch?.value, 32);
  });

  it("munchify converts dicts inside lists too", async () => {
    const plan = await planOf(script("munchify(yaml.safe_load(f))", "config.train.layers[0].width"));
    assert.equal(plan.epochs?.value, 4);
  });

  it("a DefaultMunch answers a missing key with None, so a figure read through one is not stated", async () => {
    const plan = await planOf(script("DefaultMunch.fromDict(yaml.safe_load(f))", "config.train.missing or 0"));
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.batch?.value, 32);
  });
});
