import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// A DDP script that splits a global batch over the processes: `global_batch_size // dist.get_world_size()`.
const script = (divide: string) => `import argparse
import torch
import torch.distributed as dist
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

parser = argparse.ArgumentParser()
parser.add_argument("--global-batch-size", type=int, default=256)
args = parser.parse_args()
dist.init_process_group("nccl")
rank = dist.get_rank()
model = nn.Linear(8, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
data = TensorDataset(torch.randn(1000, 8), torch.randn(1000, 2))
loader = DataLoader(data, batch_size=${divide}, shuffle=True)
for epoch in range(2):
    for x, y in loader:
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        optimizer.step()
`;

describe("torch.distributed in the plain run: one process (src/core/torch/bindings.ts)", () => {
  it("reads the world size as 1 and the rank as 0, so a global batch divided by the world is the one process's", async () => {
    const plan = (await analyze(script("int(args.global_batch_size // dist.get_world_size())"))).training;
    assert.equal(plan?.batch?.value, 256);
    assert.equal(plan?.samples?.value, 1000);
    const ranked = (await analyze(script("args.global_batch_size // (rank + 2)"))).training;
    assert.equal(ranked?.batch?.value, 128);
  });
});
