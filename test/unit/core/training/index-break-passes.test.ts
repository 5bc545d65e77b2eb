import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A k-fold loop over enumerate(...) that leaves at a known fold runs only the folds before it
// (src/core/training/index-break-passes.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (test: string, enumerated = "enumerate(folds.split(rows))") => `import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import KFold

FOLD = 2
rows = np.zeros((900, 8), dtype=np.float32)
folds = KFold(n_splits=6, shuffle=True)
for fold, (fit_idx, held_idx) in ${enumerated}:
    if ${test}:
        break
    data = TensorDataset(torch.tensor(rows[fit_idx]), torch.zeros(len(fit_idx), 1))
    loader = DataLoader(data, batch_size=25)
    net = nn.Linear(8, 1)
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    for epoch in range(5):
        for x, y in loader:
            opt.zero_grad()
            nn.functional.mse_loss(net(x), y).backward()
            opt.step()
`;

describe("a loop over enumerate(...) that breaks at a known index (src/core/training/index-break-passes.ts)", () => {
  it("counts the turns before `if fold == K: break`, not every fold", async () => {
    const plan = await planOf(SCRIPT("fold == FOLD"));
    assert.equal(plan.epochs?.value, 10);
    assert.match(plan.epochs?.detail ?? "", /until fold == FOLD: break, 2 turns/);
  });

  it("reads `>=` and `K <= fold`, and enumerate's start", async () => {
    assert.equal((await planOf(SCRIPT("fold >= 3"))).epochs?.value, 15);
    assert.equal((await planOf(SCRIPT("4 <= fold", "enumerate(folds.split(rows), 1)"))).epochs?.value, 15);
  });

  it("leaves every fold where the bound is never reached or unknown", async () => {
    assert.equal((await planOf(SCRIPT("fold == 9"))).epochs?.value, 30);
    assert.equal((await planOf(SCRIPT("fold == unknown_fold()"))).epochs?.value, 30);
  });
});
