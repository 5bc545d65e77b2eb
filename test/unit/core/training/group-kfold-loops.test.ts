import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// scikit-learn's group splitters (src/core/interp/stdlib/sklearn-model-selection.ts): n_splits folds, each training a
// model, over index arrays whose sizes follow the groups.
const SCRIPT = `import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import GroupKFold

rows = np.zeros((600, 4), dtype="float32")
kinds = np.zeros(600, dtype="int64")
owners = np.zeros(600, dtype="int64")
cv = GroupKFold(n_splits=3)
for k, (fit_idx, held_idx) in enumerate(cv.split(rows, kinds, owners)):
    loader = DataLoader(TensorDataset(torch.from_numpy(rows[fit_idx]), torch.from_numpy(kinds[fit_idx])), batch_size=20, shuffle=True)
    net = nn.Linear(4, 2)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for epoch in range(5):
        for x, y in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(net(x), y).backward()
            opt.step()
`;

describe("group k-fold loops", () => {
  it("trains once a fold: the folds times the epochs, with the folds' sizes unknown (they follow the groups)", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples, plan.batch?.value], [15, undefined, 20]);
  });

  it("has five folds by default, StratifiedGroupKFold too", async () => {
    for (const splitter of ["GroupKFold()", "StratifiedGroupKFold(shuffle=True)"]) {
      const text = SCRIPT.replace("GroupKFold(n_splits=3)", splitter).replace("import GroupKFold", "import GroupKFold, StratifiedGroupKFold");
      assert.equal((await analyze(text)).training?.epochs?.value, 25, splitter);
    }
  });
});
