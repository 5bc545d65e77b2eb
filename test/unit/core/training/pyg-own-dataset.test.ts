import { strict as assert } from "node:assert";
import { analyze, modelNamed } from "../../helpers/analyze";

// A graph dataset of the user's own, derived from torch_geometric.data.Dataset (PyG 2.5): its length is the len() the
// subclass gives, over the indices a part keeps, so a PyG DataLoader over it has its samples (the stand-in's Dataset,
// src/core/torch-geometric/datasets.ts).
const DATASET = `import torch
from torch_geometric.data import Dataset, Data
from torch_geometric.loader import DataLoader


class Rings(Dataset):
    def __init__(self, root, count, transform=None):
        self.count = count
        super().__init__(root, transform)

    def len(self):
        return self.count

    def get(self, idx):
        return Data(x=torch.randn(7, 3), edge_index=torch.zeros(2, 12, dtype=torch.long), y=torch.zeros(1))
`;

const LOOP = `net = torch.nn.Linear(3, 1)
opt = torch.optim.Adam(net.parameters())
for epoch in range(20):
    for batch in loader:
        opt.zero_grad()
        net(batch.x).mean().backward()
        opt.step()
`;

describe("a user's PyG Dataset subclass (torch_geometric.data.Dataset stand-in)", function () {
  this.timeout(60_000);

  it("gives a PyG DataLoader over it the len() its class states", async () => {
    const result = await analyze(`${DATASET}\nrings = Rings(".", 3000)\nloader = DataLoader(rings, batch_size=100, shuffle=True, drop_last=True)\n${LOOP}`);
    assert.deepEqual([result.training?.samples?.value, result.training?.batch?.value, result.training?.epochs?.value], [3000, 100, 20]);
  });

  it("keeps the whole dataset's length when a slice makes a part of it (a copy with the part's indices)", async () => {
    const result = await analyze(`${DATASET}\nrings = Rings(".", 3000)\nfirst = rings[:2400]\nsome = rings.index_select([4, 5, 6])\nwhole_net = torch.nn.Linear(len(rings), 1)\npart_net = torch.nn.Linear(len(first), 1)\nfew_net = torch.nn.Linear(len(some), 1)\n`);
    assert.equal(modelNamed(result, "whole_net").params, 3001);
    assert.equal(modelNamed(result, "part_net").params, 2401);
    assert.equal(modelNamed(result, "few_net").params, 4);
  });
});
