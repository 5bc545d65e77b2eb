import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

const SCRIPT = (inner: string) => `import torch
import torch.nn as nn

model = nn.Linear(16, 4)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.zeros(64, 16)
for epoch in range(3):
${inner}
`;

const planOf = async (inner: string) => (await analyze(SCRIPT(inner))).training ?? {};

describe("while loops: how far the body moves the counter", () => {
  it("a counter the body advances by 2 runs ceil(N / 2) passes: 5 steps an epoch for while i < 10", async () => {
    const plan = await planOf("    i = 0\n    while i < 10:\n        model(x).sum().backward()\n        opt.step()\n        i += 2");
    assert.strictEqual(plan.steps?.value, 15);
  });

  it("counter = counter + 1 is one pass a step, as counter += 1 is", async () => {
    const plan = await planOf("    i = 0\n    while i < 10:\n        model(x).sum().backward()\n        opt.step()\n        i = i + 1");
    assert.strictEqual(plan.steps?.value, 30);
  });

  it("slices of a batch walked by start = end are not N passes: no accumulation is read from while start < 64", async () => {
    const plan = await planOf("    opt.zero_grad()\n    start, end = 0, 32\n    while start < 64:\n        model(x[start:end]).sum().backward()\n        start = end\n        end = start + 32\n    opt.step()");
    assert.strictEqual(plan.accumulation, undefined);
  });
});
