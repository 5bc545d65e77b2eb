import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A counted loop that hands a whole loader to a function walking it: each call is one pass over the data, an epoch.
const SCRIPT = `import torch, torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

def run_epoch(model, data, opt):
    for xb, yb in data:
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()

X = torch.randn(1000, 20)
Y = torch.randint(0, 2, (1000,))
loader = DataLoader(TensorDataset(X, Y), batch_size=50, shuffle=True)
model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 2))
opt = torch.optim.Adam(model.parameters())
k = 7
for i in range(k):
    run_epoch(model, loader, opt)
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("a counted loop calling a function that walks the loader it is given", () => {
  it("reads each call as an epoch, whatever the loop is named, also through enumerate", async () => {
    for (const text of [SCRIPT, SCRIPT.replace("for xb, yb in data:", "for j, (xb, yb) in enumerate(data):")]) {
      const p = await plan(text);
      assert.equal(p.epochs?.value, 7);
      assert.equal(p.epochs?.line, 17);
      assert.equal(p.samples?.value, 1000);
      assert.equal(p.batch?.value, 50);
    }
  });

  it("does not when the function walks something else, or the loader is rebuilt in the loop", async () => {
    const other = SCRIPT.replace("def run_epoch(model, data, opt):\n    for xb, yb in data:", "def run_epoch(model, data, opt):\n    for xb, yb in [next(iter(data))]:");
    assert.notEqual((await plan(other)).epochs?.value, 7);
    const rebuilt = SCRIPT.replace("for i in range(k):\n    run_epoch(model, loader, opt)", "for i in range(k):\n    loader = DataLoader(TensorDataset(X, Y), batch_size=50)\n    run_epoch(model, loader, opt)");
    assert.notEqual((await plan(rebuilt)).epochs?.value, 7);
  });
});
