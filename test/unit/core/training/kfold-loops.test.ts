import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A k-fold loop over a scikit-learn splitter's folds (src/core/interp/stdlib/sklearn-model-selection.ts).
const SCRIPT = `import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms
from sklearn.model_selection import StratifiedKFold, train_test_split

data = datasets.CIFAR10("data", train=True, download=True, transform=transforms.ToTensor())
splitter = StratifiedKFold(n_splits=3, shuffle=True)
for k, (fit_idx, held_idx) in enumerate(splitter.split(np.zeros(len(data)), np.zeros(len(data)))):
    loader = DataLoader(Subset(data, fit_idx), batch_size=250, shuffle=True)
    net = nn.Sequential(nn.Flatten(), nn.Linear(3072, 10))
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for epoch in range(4):
        for x, y in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(net(x), y).backward()
            opt.step()
`;

describe("k-fold cross-validation loops", () => {
  it("trains once a fold: the folds times the epochs of each, over the first fold's training part (KFold's sizes: 50,000 less 16,667)", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value], [12, 50000 - 16667, 250]);
  });

  it("counts the splitter's default folds (5) and a repeated splitter's folds times its repeats", async () => {
    const plain = (await analyze(SCRIPT.replace("StratifiedKFold(n_splits=3, shuffle=True)", "StratifiedKFold()"))).training ?? {};
    assert.equal(plain.epochs?.value, 20);
    const repeated = (await analyze(SCRIPT.replace("StratifiedKFold, ", "RepeatedKFold, ").replace("StratifiedKFold(n_splits=3, shuffle=True)", "RepeatedKFold(n_splits=2, n_repeats=3)"))).training ?? {};
    assert.equal(repeated.epochs?.value, 24);
  });

  it("leaves a loop over a splitter the analyzer does not size to its epochs alone", async () => {
    // LeaveOneGroupOut runs one fold a group, and the groups are data the code does not state.
    const grouped = (await analyze(SCRIPT.replace("StratifiedKFold, ", "LeaveOneGroupOut, ").replace("StratifiedKFold(n_splits=3, shuffle=True)", "LeaveOneGroupOut()"))).training ?? {};
    assert.equal(grouped.epochs?.value, 4);
  });
});
