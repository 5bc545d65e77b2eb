import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// DGL through the analyzer's stand-in (src/core/dgl/datasets.ts): a dgl.data graph of known size is a full-batch
// step over all its nodes, and a dgl.dataloading loader batches the training ids it is given (dgl-loaders.ts).
const FULL = `import torch
import torch.nn.functional as F
from dgl.data import CiteseerGraphDataset


class Net(torch.nn.Module):
    def __init__(self, width, classes):
        super().__init__()
        self.out = torch.nn.Linear(width, classes)

    def forward(self, graph, h):
        return self.out(h)


def fit(graph, h, y, mask, net):
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for epoch in range(75):
        logits = net(graph, h)
        loss = F.cross_entropy(logits[mask], y[mask])
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == "__main__":
    ds = CiteseerGraphDataset()
    g = ds[0].add_self_loop()
    h = g.ndata["feat"]
    net = Net(h.shape[1], ds.num_classes)
    fit(g, h, g.ndata["label"], g.ndata["train_mask"], net)
`;

const SAMPLED = `import torch
import torch.nn.functional as F
from dgl.dataloading import DataLoader, NeighborSampler
from ogb.nodeproppred import DglNodePropPredDataset

data = DglNodePropPredDataset("ogbn-arxiv")
g, labels = data[0]
ids = data.get_idx_split()["train"]
loader = DataLoader(g, ids, NeighborSampler([5, 5]), batch_size=500, shuffle=True)
net = torch.nn.Linear(g.ndata["feat"].shape[1], data.num_classes)
opt = torch.optim.Adam(net.parameters())
for epoch in range(3):
    for src, dst, blocks in loader:
        loss = F.cross_entropy(net(blocks[0].srcdata["feat"]), blocks[-1].dstdata["label"])
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

describe("DGL graphs and loaders", () => {
  it("takes the nodes of a dgl.data graph given to the model as a full-batch step's batch and samples", async () => {
    const p = (await analyze(FULL)).training ?? {};
    // CiteSeer as DGL loads it: 3,327 nodes; one step an epoch.
    assert.deepEqual([p.epochs?.value, p.batch?.value, p.samples?.value, planOptimizerSteps(p)?.value], [75, 3_327, 3_327, 75]);
  });

  it("builds the model from the graph's feature width and the dataset's classes", async () => {
    const result = await analyze(FULL);
    const net = result.models.find((m) => m.name === "net");
    // Linear(3,703 features, 6 classes): 3,703 × 6 + 6 parameters.
    assert.equal(net?.params, 3_703 * 6 + 6);
  });

  it("counts the training ids a DGL loader batches as the epoch's samples", async () => {
    const p = (await analyze(SAMPLED)).training ?? {};
    // ogbn-arxiv's 90,941 training nodes in batches of 500: 182 steps an epoch.
    assert.deepEqual([p.samples?.value, p.batch?.value, planOptimizerSteps(p)?.value], [90_941, 500, 3 * 182]);
  });

  it("leaves the samples unknown for ids of unknown length", async () => {
    const p = (await analyze(SAMPLED.replace('data.get_idx_split()["train"]', "torch.load('ids.pt')"))).training ?? {};
    assert.equal(p.samples, undefined);
  });
});

// dgl.data's datasets of many graphs (GINDataset, TUDataset) have len() of their graphs; citation_graph's loaders
// return the node datasets.
const GRAPH_SETS = `import torch
from dgl.data import GINDataset
from dgl.dataloading import GraphDataLoader
from torch.utils.data.sampler import SubsetRandomSampler

graphs = GINDataset("IMDBMULTI", self_loop=True)
cut = int(len(graphs) * 0.6)
loader = GraphDataLoader(graphs, sampler=SubsetRandomSampler(torch.arange(cut)), batch_size=30)
net = torch.nn.Linear(8, graphs.num_classes)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(4):
    for g, y in loader:
        loss = net(torch.zeros(30, 8)).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

describe("DGL datasets of many graphs", () => {
  it("takes the part a subset sampler built in the loader's call keeps of a GINDataset", async () => {
    const p = (await analyze(GRAPH_SETS)).training ?? {};
    // IMDB-MULTI: 1,500 graphs, 900 of them trained on in batches of 30.
    assert.deepEqual([p.samples?.value, p.batch?.value, planOptimizerSteps(p)?.value], [900, 30, 4 * 30]);
  });

  it("leaves the samples unknown where the subset sampler's indices are of unknown length, not the whole dataset", async () => {
    const p = (await analyze(GRAPH_SETS.replace("torch.arange(cut)", "torch.load('picked.pt')"))).training ?? {};
    assert.equal(p.samples, undefined);
  });

  it("sizes dgl.data's TUDataset from the TU table, and citation_graph.load_cora() as Cora", async () => {
    const tu = (await analyze(GRAPH_SETS.replace('GINDataset("IMDBMULTI", self_loop=True)', 'TUDataset("ENZYMES")').replace("import GINDataset", "import TUDataset"))).training ?? {};
    // ENZYMES: 600 graphs, 360 trained on.
    assert.equal(tu.samples?.value, 360);
    const cora = (await analyze(FULL.replace("from dgl.data import CiteseerGraphDataset", "from dgl.data import citation_graph").replace("CiteseerGraphDataset()", "citation_graph.load_cora()"))).training ?? {};
    assert.equal(cora.batch?.value, 2_708);
  });
});
