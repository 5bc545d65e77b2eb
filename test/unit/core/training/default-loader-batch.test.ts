import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A DataLoader given no batch_size yields batches of 1 (default-loader-batch.ts): the option the script declares and
// never hands the loader is not the run's batch.
const script = (loader: string, extra = "") => `import argparse
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
${extra}
parser = argparse.ArgumentParser()
parser.add_argument("--batch-size", type=int, default=16)
parser.add_argument("--epochs", type=int, default=3)
args = parser.parse_args()
print(args)
pairs = TensorDataset(torch.randn(40, 8), torch.randn(40, 1))
${loader}
net = nn.Linear(8, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(args.epochs):
    for i, (x, y) in enumerate(feed):
        opt.zero_grad()
        nn.functional.mse_loss(net(x), y).backward()
        opt.step()
`;

describe("a DataLoader with torch's default batch_size", () => {
  it("trains on batches of 1 where the loop walks it, not the declared --batch-size", async () => {
    const plan = (await analyze(script("feed = DataLoader(pairs, shuffle=True)"))).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.batch?.source, plan.epochs?.value, plan.samples?.value], [1, "default", 3, 40]);
  });

  it("keeps the option where the loader is given it", async () => {
    const plan = (await analyze(script("feed = DataLoader(pairs, batch_size=args.batch_size, shuffle=True)"))).training ?? {};
    assert.equal(plan.batch?.value, 16);
  });

  it("keeps the option in a file with an IterableDataset, whose items may be whole batches", async () => {
    const plan = (await analyze(script("feed = DataLoader(pairs, shuffle=True)", "from torch.utils.data import IterableDataset"))).training ?? {};
    assert.equal(plan.batch?.value, 16);
  });
});
