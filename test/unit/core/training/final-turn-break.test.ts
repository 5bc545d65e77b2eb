import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

// Our own step loop that runs one turn more than it updates, to evaluate after the final step.
const loop = (head: string, before: string, after = "") => `import torch

net = torch.nn.Linear(16, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
total = 300
for step in ${head}:
${before}
    loss = net(torch.randn(32, 16)).pow(2).mean()
    loss.backward()
    opt.step()
    opt.zero_grad()
${after}
`;

describe("a step loop whose last turn breaks before its update", () => {
  it("`last = step == total` ... `if last: break` ahead of the backward pass: total updates, not total + 1", async () => {
    const plan = await planOf(loop("range(total + 1)", `    last = step == total
    if step % 100 == 0 or last:
        print("evaluate", step)
    if last:
        break`));
    assert.equal(plan.steps?.value, 300);
    assert.match(plan.steps!.detail, /break before the update/);
  });

  it("`if step >= total: break` directly; a break after the update is left as it was", async () => {
    const direct = await planOf(loop("range(total + 1)", `    if step >= total:
        break`));
    assert.equal(direct.steps?.value, 300);
    const after = await planOf(loop("range(total + 1)", "    pass", `    if step == total:
        break`));
    assert.equal(after.steps?.value, 301);
  });
});
