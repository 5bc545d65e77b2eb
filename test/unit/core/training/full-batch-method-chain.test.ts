import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A full-batch loop whose model takes its data reshaped by a chain of tensor methods (`net(xs.unsqueeze(1))`): the
// chain runs on the same data every pass, so its rows are the step's batch and the epoch's samples
// (tensor-method-chain.ts, full-batch-epochs.ts).
const SCRIPT = `import torch
import torch.nn as nn

xs = torch.linspace(-3, 3, 400)
ys = torch.cos(xs)
net = nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.05)
for epoch in range(250):
    opt.zero_grad()
    loss = ((net(FEED) - ys.unsqueeze(1)) ** 2).mean()
    loss.backward()
    opt.step()
`;

const planOf = async (feed: string) => (await analyze(SCRIPT.replace("FEED", feed))).training ?? {};

describe("full-batch training on data reshaped by tensor methods", () => {
  it("takes the rows of the reshaped data as the batch and the samples", async () => {
    const plan = await planOf("xs.unsqueeze(1)");
    assert.equal(plan.batch?.value, 400);
    assert.equal(plan.samples?.value, 400);
    assert.equal(plan.epochs?.value, 250);
    assert.equal(plan.steps?.value, 250);
    assert.equal((await planOf("xs.view(-1, 1).float()")).batch?.value, 400);
  });

  it("reads the chain's rows, not its base's", async () => {
    assert.equal((await planOf("xs.view(8, 50).t().reshape(-1, 1)[:, :1]")).batch?.value, undefined);
    assert.equal((await planOf("xs.view(40, 10).sum(1, keepdim=True)")).batch?.value, 40);
  });
});
