import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Passes over each batch of samples inside a `while` that ends on a step budget: the inner loop is not the run's epochs.
const SCRIPT = `import torch, torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
X = torch.randn(6400, 20)
Y = torch.randint(0, 2, (6400,))
loader = DataLoader(TensorDataset(X, Y), batch_size=64, shuffle=True)
model = nn.Sequential(nn.Linear(20, 2))
opt = torch.optim.Adam(model.parameters())
num_inner_epochs = 2
max_steps = 5000
global_step = 0
while True:
    for inner_epoch in range(num_inner_epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()
            global_step += 1
    if global_step >= max_steps:
        break
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("an epoch loop inside a while that ends on a budget", () => {
  it("does not take the inner loop's count for the run's epochs", async () => {
    const p = await plan(SCRIPT);
    assert.equal(p.epochs, undefined);
    assert.notEqual(p.steps?.value, 2 * 100);
    assert.ok(p.notes?.some((n) => /for inner_epoch in range\(num_inner_epochs\) \(line 12\) runs again on each pass of while True \(line 11\)/.test(n)), JSON.stringify(p.notes));
  });

  it("still reads the inner loop as the epochs without the while around it", async () => {
    const plain = SCRIPT.replace("while True:\n", "if True:\n").replace("    if global_step >= max_steps:\n        break\n", "");
    assert.equal((await plan(plain)).epochs?.value, 2);
  });

  it("keeps a while that counts epochs itself as the epoch loop", async () => {
    const counted = SCRIPT.replace("global_step = 0\nwhile True:", "epoch = 0\nnum_epochs = 3\nwhile epoch < num_epochs:").replace("    if global_step >= max_steps:\n        break\n", "    epoch += 1\n").replace("            global_step += 1\n", "");
    assert.equal((await plan(counted)).epochs?.value, 3);
  });

  it("says why when it leaves the file with no figure and no model: the note is the file's", async () => {
    // The model, optimizer and loader come from modules the workspace lacks: nothing else is read.
    const text = `import torch
from policy import model, opt
from data import loader

num_inner_epochs = 2
while True:
    for inner_epoch in range(num_inner_epochs):
        for xb, yb in loader:
            opt.zero_grad()
            model(xb).sum().backward()
            opt.step()
`;
    const result = await analyze(text);
    assert.equal(result.models.length, 0);
    assert.ok(result.notes.some((n) => /^epochs: for inner_epoch in range\(num_inner_epochs\) \(line 7\) runs again on each pass of while True/.test(n)), JSON.stringify(result.notes));
    // Where a model is found, its run line carries the note instead: it is not repeated as the file's.
    const withModel = await analyze(SCRIPT);
    assert.ok(!withModel.notes.some((n) => /runs again on each pass/.test(n)), JSON.stringify(withModel.notes));
  });
});
