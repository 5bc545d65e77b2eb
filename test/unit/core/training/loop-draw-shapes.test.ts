import { strict as assert } from "node:assert";
import { analyze, testParser } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { permutationHeads } from "../../../../src/core/training/permutation-draws";
import { lowerModule } from "../../../../src/core/python/lower";

// Batches drawn by a step, and breaks that count events rather than passes (src/core/training/permutation-draws.ts,
// index-draw-batch.ts's item draws, loop-shape.ts's counters incremented under a test).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const NET = `import numpy as np
import torch


class Fit(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.a = torch.nn.Linear(1, 16)
        self.b = torch.nn.Linear(16, 1)

    def forward(self, x):
        return self.b(torch.relu(self.a(x)))


model = Fit()
opt = torch.optim.Adam(model.parameters(), lr=0.001)
`;

describe("batches a step draws and breaks on counted events", () => {
  it("reads np.random.choice(data, B) made a tensor as a batch of B items (index-draw-batch.ts)", async () => {
    const plan = await planOf(`${NET}
xs = np.random.rand(4000) * 3
for step in range(2500):
    picked = np.random.choice(xs, 48)
    x = torch.from_numpy(picked).float().unsqueeze(1)
    loss = ((model(x) - torch.sin(x)) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
`);
    assert.equal(plan.steps?.value, 2500);
    assert.equal(plan.batch?.value, 48);
  });

  it("finds the head of a permutation, cut from the rows it orders or from itself (permutation-draws.ts)", async () => {
    const parser = await testParser();
    const body = (src: string) => lowerModule(parser.parse(src)).body;
    const rows = permutationHeads(body("perm = torch.randperm(s.shape[0])\nx = s[perm][0:n]\n"));
    assert.equal(rows.length, 1);
    assert.equal(rows[0].count.type === "name" && rows[0].count.id, "n");
    const own = permutationHeads(body("idx = np.random.permutation(len(x))[:64]\nb = x[idx]\n"));
    assert.equal(own[0]?.count.type === "int" && own[0].count.value, 64);
    // A whole permutation is a shuffled pass, and a slice not from the start is no head.
    assert.equal(permutationHeads(body("perm = torch.randperm(n)\nx = s[perm]\ny = s[perm][5:9]\n")).length, 0);
  });

  it("leaves a counter raised only on some passes out of the loop's bound; the pass counter's break bounds it (loop-shape.ts)", async () => {
    const plan = await planOf(`${NET}
for episode in range(300):
    misses = 0
    taken = 0
    while True:
        x = torch.rand(8, 1)
        loss = ((model(x) - x) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        taken += 1
        if taken > 100:
            if loss.item() > 0.5:
                misses += 1
            if misses >= 25:
                break
        if taken >= 500:
            break
`);
    assert.equal(plan.steps?.value, 300 * 500);
  });
});
