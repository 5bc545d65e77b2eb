// A full-batch loop that converts its data afresh on every pass (`x = torch.from_numpy(rows).float()`, then
// `net(x)`) trains on all of that data each step: the name is bound in the loop, but to an expression that reads
// nothing the loop binds (loop-invariant-binding.ts, read by full-batch-epochs.ts).
import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { analyze } from "../../helpers/analyze";

const FULL_BATCH = `import numpy as np
import torch
from torch import nn

table = np.zeros((1000, 25))
rows = table[:900, :24]
labels = table[:900, 24]
net = nn.Sequential(nn.Linear(24, 2))
opt = torch.optim.Adam(net.parameters())
loss_fn = nn.CrossEntropyLoss()
for i in range(400):
    x = torch.from_numpy(rows).float()
    y = torch.from_numpy(labels).long()
    loss = loss_fn(net(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
`;

describe("a full-batch loop that binds its data afresh each pass", () => {
  it("trains on all of the data the name is bound to, each step", async () => {
    const plan = (await analyze(FULL_BATCH)).training;
    assert.deepEqual([plan?.batch?.value, plan?.samples?.value, plan && planOptimizerSteps(plan)?.value], [900, 900, 400]);
  });

  it("reads nothing from a name bound from what the loop changes", async () => {
    const drawn = FULL_BATCH.replace("x = torch.from_numpy(rows).float()", "x = torch.from_numpy(rows[i % 9 * 100:(i % 9 + 1) * 100]).float()");
    assert.notEqual((await analyze(drawn)).training?.batch?.value, 900);
  });

  it("reads a tuple written out on both sides (`inputs, labels = rows, targets`), not a held-out forward after it", async () => {
    const paired = FULL_BATCH
      .replace("labels = table[:900, 24]", "labels = table[:900, 24]\nheld_out = torch.from_numpy(table[900:, :24]).float()")
      .replace("    x = torch.from_numpy(rows).float()\n    y = torch.from_numpy(labels).long()\n", "    x, y = torch.from_numpy(rows).float(), torch.from_numpy(labels).long()\n")
      .replace("    opt.step()\n", "    opt.step()\n    watched = net(held_out)\n");
    const plan = (await analyze(paired)).training;
    // Before: batch and samples 100 (the held-out rows the later forward reads), the paired names unread.
    assert.deepEqual([plan?.batch?.value, plan?.samples?.value, plan && planOptimizerSteps(plan)?.value], [900, 900, 400]);
  });

  it("reads nothing from a tuple whose sides differ in length", async () => {
    const starred = FULL_BATCH.replace("    x = torch.from_numpy(rows).float()\n    y = torch.from_numpy(labels).long()\n", "    x, y = (torch.from_numpy(rows).float(), torch.from_numpy(labels).long(), 0)[:2]\n");
    assert.notEqual((await analyze(starred)).training?.samples?.value, 900);
  });
});
