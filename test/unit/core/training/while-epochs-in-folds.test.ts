import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A counted `while` epoch loop inside a counted loop (k-fold's folds, repeated runs) runs all its epochs each turn, as
// a `for` epoch loop there does (training-plan.ts, the while epoch figure times enclosingCounts).
const script = (outer: string) => `import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import KFold

x = np.random.randn(100, 4)
y = np.random.randn(100)
${outer}
    loader = DataLoader(TensorDataset(torch.tensor(x[tr], dtype=torch.float32), torch.tensor(y[tr], dtype=torch.float32)), batch_size=32)
    net = nn.Linear(4, 1)
    opt = torch.optim.Adam(net.parameters())
    epoch = 0
    stop = False
    while not stop and epoch < 40:
        epoch += 1
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.mse_loss(net(xb).squeeze(1), yb).backward()
            opt.step()
`;

describe("a counted while epoch loop inside counted loops", function () {
  this.timeout(20_000);
  it("makes folds × epochs", async () => {
    const plan = (await analyze(script("for tr, va in KFold(n_splits=4, shuffle=True).split(x):"))).training ?? {};
    assert.equal(plan.epochs?.value, 160);
    assert.match(plan.epochs!.detail, /split\(x\) × while not stop and epoch < 40/);
  });

  it("keeps its own epochs where the loop around it has no stated length", async () => {
    const plan = (await analyze(script("for tr in iter(lambda: np.arange(80), None):"))).training ?? {};
    assert.equal(plan.epochs?.value, 40);
  });
});
