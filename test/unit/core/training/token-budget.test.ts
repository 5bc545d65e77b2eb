import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// torchtext's batch_size_fn makes batch_size a budget of tokens (twentieth round, token-budget.ts).
const script = (fn: string) => `import torch
from torchtext.legacy import data, datasets

BATCH_SIZE = 12000
SRC = data.Field()
TGT = data.Field()
train, val, test = datasets.Multi30k.splits(exts=(".de", ".en"), fields=(SRC, TGT))

def batch_size_fn(new, count, sofar):
    return count * (len(new.src) + 2)

train_iter = data.BucketIterator(train, batch_size=BATCH_SIZE, batch_size_fn=${fn}, train=True)
model = torch.nn.Linear(8, 8)
opt = torch.optim.Adam(model.parameters())
for epoch in range(10):
    for batch in train_iter:
        opt.zero_grad()
        model(torch.randn(4, 8)).sum().backward()
        opt.step()
`;

describe("token-budget batches (src/core/training/token-budget.ts)", () => {
  it("BucketIterator(batch_size=12000, batch_size_fn=...): no batch of examples, and the run asks for one", async () => {
    const result = await analyze(script("batch_size_fn"));
    const plan = result.training ?? {};
    // Before: batch 12,000 (the token budget read as examples) and 30 steps.
    assert.equal(plan.batch, undefined);
    assert.equal(plan.tokenBudget?.value, 12000);
    assert.equal(plan.samples?.value, 29000);
    assert.equal(plan.epochs?.value, 10);
    assert.ok(plan.notes?.some((n) => /running count reaches 12,000.*pass --batch N/.test(n)), JSON.stringify(plan.notes));
  });

  it("batch_size_fn=None batches examples as usual", async () => {
    const plan = (await analyze(script("None"))).training ?? {};
    assert.equal(plan.batch?.value, 12000);
    assert.equal(plan.tokenBudget, undefined);
  });
});
