import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// PyTorch Geometric's sampled mini-batch loaders (pyg-loaders.ts, the stand-in's torch_geometric/loaders.ts): an epoch
// draws the seed nodes, clusters or subgraph roots the loader is given, batch_size of them a step.
const NEIGHBORS = `import torch
import torch.nn.functional as F
from torch_geometric.datasets import Planetoid
from torch_geometric.loader import NeighborLoader

graph = Planetoid("pl", "PubMed")[0]
seeds = SEEDS
loader = NeighborLoader(graph, num_neighbors=[4, 4], input_nodes=seeds, batch_size=16, shuffle=True)
net = torch.nn.Linear(500, 3)
opt = torch.optim.Adam(net.parameters())
for epoch in range(8):
    for batch in loader:
        loss = F.cross_entropy(net(batch.x), batch.y)
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const CLUSTERS = `import torch
from torch_geometric.datasets import Planetoid
from torch_geometric.data import ClusterData, ClusterLoader

graph = Planetoid("pl", "Cora")[0]
parts = ClusterData(graph, num_parts=90)
loader = ClusterLoader(parts, batch_size=20, shuffle=True)
net = torch.nn.Linear(1433, 7)
opt = torch.optim.Adam(net.parameters())


def one_pass(net, loader, opt):
    for part in loader:
        loss = net(part.x).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()


for repeat in range(3):
    for i in range(1, 6):
        one_pass(net, loader, opt)
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("PyTorch Geometric's sampled loaders", () => {
  it("takes the public split's training nodes of a table graph's train_mask as a NeighborLoader's samples", async () => {
    const p = await plan(NEIGHBORS.replace("SEEDS", "graph.train_mask"));
    // PubMed's public split: 60 training nodes, 4 batches of 16.
    assert.deepEqual([p.samples?.value, p.batch?.value, planOptimizerSteps(p)?.value], [60, 16, 8 * 4]);
  });

  it("takes the rows of an index tensor, and leaves another boolean mask unknown", async () => {
    assert.equal((await plan(NEIGHBORS.replace("SEEDS", "torch.arange(100)"))).samples?.value, 100);
    assert.equal((await plan(NEIGHBORS.replace("SEEDS", "graph.test_mask"))).samples, undefined);
  });

  it("batches a ClusterLoader's clusters, the loop passing the loader being the epoch loop inside the runs", async () => {
    const p = await plan(CLUSTERS);
    // 90 clusters in batches of 20: 5 steps a pass; 3 runs of 5 passes.
    assert.deepEqual([p.samples?.value, p.batch?.value, planOptimizerSteps(p)?.value], [90, 20, 3 * 5 * 5]);
  });

  it("draws num_steps subgraphs an epoch from a GraphSAINT sampler", async () => {
    const saint = CLUSTERS.replace("from torch_geometric.data import ClusterData, ClusterLoader", "from torch_geometric.loader import GraphSAINTRandomWalkSampler")
      .replace("parts = ClusterData(graph, num_parts=90)\nloader = ClusterLoader(parts, batch_size=20, shuffle=True)", "loader = GraphSAINTRandomWalkSampler(graph, batch_size=50, walk_length=2, num_steps=7)");
    const p = await plan(saint);
    assert.deepEqual([p.batch?.value, planOptimizerSteps(p)?.value], [50, 3 * 5 * 7]);
  });
});
