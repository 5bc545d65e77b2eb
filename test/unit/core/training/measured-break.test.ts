import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A break on a figure the pass computes from its data (a reward, a loss) is no count of passes (loop-shape.ts).
const SCRIPT = (check: string) => `import torch
from torch import nn

net = nn.Linear(4, 2)
opt = torch.optim.Adam(net.parameters())

def batches():
    while True:
        yield torch.randn(16, 4), torch.randint(0, 2, (16,))

def summarize(x):
    return x.mean(), float(x.sum())

for it, (x, y) in enumerate(batches()):
    low, reward_mean = summarize(x)
    loss = nn.functional.cross_entropy(net(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
${check}
`;

describe("a break in a training loop over an endless generator", () => {
  it("on a figure the pass measures leaves the steps unknown", async () => {
    const plan = (await analyze(SCRIPT("    if reward_mean > 475:\n        break"))).training ?? {};
    assert.equal(plan.steps, undefined, JSON.stringify(plan.steps));
  });

  it("on the loop's own index counts the passes", async () => {
    const plan = (await analyze(SCRIPT("    if it > 475:\n        break"))).training ?? {};
    assert.equal(plan.steps?.value, 477);
  });
});
