// A step loop over the minibatches a helper of an absent module returns, handed the batch size by its conventional
// name (`batches = make_minibatches(X, Y, mini_batch_size, seed)`, `for xb, yb in batches:`): each item is one batch
// of that size (foreign-minibatches.ts, read by training-plan.ts).
import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

const HELPER = `import torch
from torch import nn
from course_helpers import load_tables, make_minibatches

X, Y = load_tables()
net = nn.Sequential(nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, 3))
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
ce = nn.CrossEntropyLoss()

def fit(X, Y, epochs=6, mini_batch_size=48):
    for epoch in range(epochs):
        batches = make_minibatches(X, Y, mini_batch_size, seed=epoch)
        for xb, yb in batches:
            loss = ce(net(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()

fit(X, Y)
`;

const planOf = async (text: string) => (await analyze(text)).training ?? {};

describe("minibatches from a helper the analysis cannot read", () => {
  it("takes the batch size the helper is handed by name as the loop's batch", async () => {
    const plan = await planOf(HELPER);
    assert.equal(plan.batch?.value, 48);
    assert.match(plan.batch!.detail, /make_minibatches\(X, Y, mini_batch_size, seed=epoch\)/);
    assert.equal(plan.epochs?.value, 6);
    assert.equal(plan.samples, undefined);
  });

  it("reads the call written in the loop's header too", async () => {
    const header = HELPER.replace("        batches = make_minibatches(X, Y, mini_batch_size, seed=epoch)\n        for xb, yb in batches:", "        for xb, yb in make_minibatches(X, Y, mini_batch_size, seed=epoch):");
    assert.equal((await planOf(header)).batch?.value, 48);
  });

  it("reads no batch where the helper is handed no count named as a batch size, or two", async () => {
    assert.notEqual((await planOf(HELPER.replace("make_minibatches(X, Y, mini_batch_size, seed=epoch)", "make_minibatches(X, Y, seed=epoch)"))).batch?.value, 48);
    const two = HELPER.replace("X, Y = load_tables()", "X, Y = load_tables()\nbs = 16").replace("make_minibatches(X, Y, mini_batch_size, seed=epoch)", "make_minibatches(X, Y, mini_batch_size, bs)");
    assert.equal((await planOf(two)).batch?.detail?.includes("cannot read") ?? false, false);
  });
});
