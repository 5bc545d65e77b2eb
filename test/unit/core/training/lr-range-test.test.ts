import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { isRangeTestName } from "../../../../src/core/training/lr-range-test";

// A script's own learning-rate range test before the real training: its break-bounded probe is not the run's steps.
const SCRIPT = `import torch, torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

def find_lr(model, loader, opt, num_iter=100):
    for i, (xb, yb) in enumerate(loader):
        if i >= num_iter:
            break
        opt.zero_grad()
        nn.functional.cross_entropy(model(xb), yb).backward()
        opt.step()

def train(model, loader, opt, epochs):
    for epoch in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()

X = torch.randn(6400, 20)
Y = torch.randint(0, 2, (6400,))
loader = DataLoader(TensorDataset(X, Y), batch_size=64, shuffle=True)
model = nn.Sequential(nn.Linear(20, 2))
opt = torch.optim.SGD(model.parameters(), lr=1e-7)
find_lr(model, loader, opt)
train(model, loader, opt, 5)
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("a learning-rate range test run before the training", () => {
  it("keeps the run's own figures: 5 epochs of 100 batches, not the probe's 100 steps", async () => {
    const p = await plan(SCRIPT);
    assert.equal(p.epochs?.value, 5);
    assert.equal(p.samples?.value, 6400);
    assert.notEqual(p.steps?.value, 100);
  });

  it("tells the probe by its function's name: renamed, its loop is read as before", async () => {
    const [named, renamed] = [await plan(SCRIPT), await plan(SCRIPT.replace(/find_lr/g, "warm_up"))];
    assert.notDeepEqual(named.steps?.value, renamed.steps?.value);
  });

  it("knows the names range tests go by, and not others", () => {
    for (const name of ["find_lr", "lr_find", "lr_finder", "findLR", "lr_range_test", "range_test"]) assert.ok(isRangeTestName(name), name);
    for (const name of ["train", "find_lr_and_train", "fit"]) assert.ok(!isRangeTestName(name), name);
  });
});
