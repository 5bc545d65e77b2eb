import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A full-batch loop that trains on the rows an index selects (`model(x[train_idx])`): the step's batch and the
// epoch's samples are the index's count (full-batch-epochs.ts), not the whole tensor's rows.
const SCRIPT = `import torch
import torch.nn as nn

x = torch.randn(1000, 16)
y = torch.randint(0, 3, (1000,))
INDEX
net = nn.Linear(16, 3)
opt = torch.optim.Adam(net.parameters())
for epoch in range(40):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(net(x[train_idx]), y[train_idx])
    loss.backward()
    opt.step()
`;

const planOf = async (index: string) => (await analyze(SCRIPT.replace("INDEX", index))).training ?? {};

describe("full-batch training on indexed rows", () => {
  it("takes an index tensor's length as the batch and the samples", async () => {
    const permuted = await planOf("train_idx = torch.randperm(1000)[:750]");
    assert.equal(permuted.batch?.value, 750);
    assert.equal(permuted.samples?.value, 750);
    assert.equal(permuted.epochs?.value, 40);
    assert.equal((await planOf("train_idx = torch.arange(600)"))?.batch?.value, 600);
  });

  it("leaves a boolean mask's selection unknown rather than the whole tensor's rows", async () => {
    const masked = await planOf("train_idx = y > 0");
    assert.notEqual(masked.batch?.value, 1000);
    assert.equal(masked.samples?.value, undefined);
  });
});
