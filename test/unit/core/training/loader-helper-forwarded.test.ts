import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Another file's training function that builds its loaders in a helper of its module, passing on its own parameter
// (`loader, _ = get_loaders(config)`): the helper is read with it, its parameter bound to the script's argument
// (src/core/training/foreign-loops.ts, forwarded-parameters.ts forwardedToFunction). Files written for this test.
const helpers = (call: string) => `import torch
from torch.utils.data import DataLoader, TensorDataset

def get_loaders(config):
    ds = TensorDataset(torch.randn(96, 10), torch.randint(0, 2, (96,)))
    return DataLoader(ds, batch_size=config["batch_size"]), DataLoader(ds, batch_size=1)

def make_config():
    return {"batch_size": 8, "epochs": 3}

def train_model(config):
    model = torch.nn.Linear(10, 2)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loader, _ = ${call}
    for epoch in range(config["epochs"]):
        for x, y in loader:
            loss = torch.nn.functional.cross_entropy(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
`;
const script = `from helpers import make_config, train_model
cfg = make_config()
cfg["batch_size"] = 4
train_model(cfg)
`;

const planOf = async (call: string) => (await analyze(script, { others: { "/project/helpers.py": helpers(call) } })).training;

describe("a loader built by a helper another file's training function passes its parameter to", () => {
  it("has the batch the script's argument sets", async () => {
    const plan = await planOf("get_loaders(config)");
    assert.equal(plan?.epochs?.value, 3);
    assert.equal(plan?.batch?.value, 4);
    assert.equal(plan?.samples?.value, 96);
  });

  it("a helper given something else than the caller's parameter is not bound to it", async () => {
    const plan = await planOf('get_loaders({"batch_size": 16})');
    assert.notEqual(plan?.batch?.value, 4);
  });
});
