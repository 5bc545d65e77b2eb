import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A config dict literal whose keys the script stores again before the run (`cfg["batch_size"] = 4`), handed to another
// file's training function (src/core/training/overwritten-dict-keys.ts). Files written for this test.
const training = `import torch
from torch.utils.data import DataLoader, TensorDataset

def make_loader(config):
    data = TensorDataset(torch.randn(120, 6), torch.randint(0, 2, (120,)))
    return DataLoader(data, batch_size=config["batch_size"], shuffle=True)

def run_training(config):
    net = torch.nn.Linear(6, 2)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    loader = make_loader(config)
    for epoch in range(config["num_epochs"]):
        for x, y in loader:
            opt.zero_grad()
            torch.nn.functional.cross_entropy(net(x), y).backward()
            opt.step()
`;
const script = (body: string) => `from training import run_training

${body}
`;
const planOf = async (body: string) => (await analyze(script(body), { others: { "/project/training.py": training } })).training;

describe("a dict literal's key stored again", () => {
  it("reads the value stored last, at module level", async () => {
    const plan = await planOf(`cfg = {"batch_size": 8, "num_epochs": 3}\ncfg["batch_size"] = 5\nrun_training(cfg)`);
    assert.equal(plan?.batch?.value, 5);
    assert.equal(plan?.epochs?.value, 3);
  });

  it("and inside a function", async () => {
    const plan = await planOf(`def main():\n    cfg = {"batch_size": 8, "num_epochs": 3}\n    cfg["num_epochs"] = 6\n    cfg["batch_size"] = 10\n    run_training(cfg)\n\nmain()`);
    assert.equal(plan?.batch?.value, 10);
    assert.equal(plan?.epochs?.value, 6);
  });

  it("keeps the literal's value where the key is not stored again", async () => {
    const plan = await planOf(`cfg = {"batch_size": 8, "num_epochs": 3}\ncfg["lr"] = 0.5\nrun_training(cfg)`);
    assert.equal(plan?.batch?.value, 8);
  });
});
