import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// One pass over the training data that nothing repeats is one epoch (nineteenth round, single-pass.ts).
const head = `import torch
from torch.utils.data import DataLoader, TensorDataset

loader = DataLoader(TensorDataset(torch.randn(1000, 16), torch.randn(1000, 2)), batch_size=50)
net = torch.nn.Linear(16, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
`;
const step = `        opt.zero_grad()
        torch.nn.functional.mse_loss(net(x), y).backward()
        opt.step()
`;
const fn = `def run_pass(model, data):
    for x, y in data:
${step}`;

describe("a pass over the data that nothing repeats (src/core/training/single-pass.ts)", () => {
  it("a top-level `for x, y in loader:` with backward passes is one epoch of the loader's samples", async () => {
    const plan = (await analyze(`${head}for x, y in loader:\n${step.replace(/^ {4}/gm, "")}`)).training ?? {};
    // Before: no epoch count (the run needed --epochs), though samples and batch were read.
    assert.equal(plan.epochs?.value, 1);
    assert.equal(plan.samples?.value, 1000);
    assert.equal(plan.batch?.value, 50);
    // However the loader is wrapped for its index (enumerate, a progress bar).
    const wrapped = (await analyze(`${head}for i, (x, y) in enumerate(loader):\n${step.replace(/^ {4}/gm, "")}`)).training ?? {};
    assert.equal(wrapped.epochs?.value, 1);
  });

  it("a function called once from main() under the __main__ guard: one epoch; called twice or from a loop: not one", async () => {
    const once = `${head}${fn}\ndef main():\n    run_pass(net, loader)\n\nif __name__ == "__main__":\n    main()\n`;
    assert.equal((await analyze(once)).training?.epochs?.value, 1);
    const twice = `${head}${fn}\nrun_pass(net, loader)\nrun_pass(net, loader)\n`;
    assert.notEqual((await analyze(twice)).training?.epochs?.value, 1);
    const looped = `${head}${fn}\nfor epoch in range(3):\n    run_pass(net, loader)\n`;
    assert.equal((await analyze(looped)).training?.epochs?.value, 3);
  });

  it("a step loop over a counted range states steps, not a pass: no epoch is made up", async () => {
    const text = `${head}for i in range(200):\n    x, y = torch.randn(50, 16), torch.randn(50, 2)\n${step.replace(/^ {4}/gm, "")}`;
    const plan = (await analyze(text)).training ?? {};
    assert.equal(plan.steps?.value, 200);
    assert.equal(plan.epochs, undefined);
  });
});
