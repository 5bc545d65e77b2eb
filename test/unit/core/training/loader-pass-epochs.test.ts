import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loop named for iterations around a full pass over a DataLoader: each turn is an epoch.
const SCRIPT = `import torch, torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
X = torch.randn(1000, 20)
Y = torch.randint(0, 2, (1000,))
loader = DataLoader(TensorDataset(X, Y), batch_size=50, shuffle=True)
model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 2))
opt = torch.optim.Adam(model.parameters())
n_iter = 30
for it in range(n_iter):
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("a counted loop around a pass over a loader", () => {
  it("reads each turn as an epoch over the loader's data, also through enumerate", async () => {
    for (const text of [SCRIPT, SCRIPT.replace("for xb, yb in loader:", "for i, (xb, yb) in enumerate(loader):")]) {
      const p = await plan(text);
      assert.equal(p.epochs?.value, 30);
      assert.equal(p.batch?.value, 50);
      assert.equal(p.samples?.value, 1000);
      assert.equal(p.steps, undefined);
    }
  });

  it("reads a loop named for iterations by its count, not a plain counted loop", async () => {
    const byCount = SCRIPT.replace("n_iter = 30\nfor it in range(n_iter):", "training_iters = 30\nfor _ in range(training_iters):");
    assert.match(byCount, /for _ in range\(training_iters\)/);
    assert.equal((await plan(byCount)).epochs?.value, 30);
    const plain = SCRIPT.replace("n_iter = 30\nfor it in range(n_iter):", "k = 30\nfor _ in range(k):");
    assert.notEqual((await plan(plain)).epochs?.value, 30);
  });

  it("is no epoch loop when the loader is rebuilt on each turn (fresh data, as a rollout is)", async () => {
    const rebuilt = SCRIPT.replace("for it in range(n_iter):\n", "for it in range(n_iter):\n    loader = DataLoader(TensorDataset(torch.randn(1000, 20), torch.randint(0, 2, (1000,))), batch_size=50)\n");
    assert.notEqual((await plan(rebuilt)).epochs?.value, 30);
  });
});
