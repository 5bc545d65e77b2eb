import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// PyTorch Geometric's datasets of many graphs are sized from the graph dataset table (graph-dataset-sizes.ts) through
// the analyzer's stand-in for torch_geometric.datasets: a loader over the dataset, or a part of it, takes its graphs.
const SCRIPT = `import torch
from torch_geometric.datasets import TUDataset
from torch_geometric.loader import DataLoader

graphs = TUDataset(root="tu", name="ENZYMES")
graphs = graphs.shuffle()
cut = len(graphs) // 4
held_out = graphs[:cut]
fitted = graphs[cut:]
loader = DataLoader(fitted, batch_size=25, shuffle=True)
held_loader = DataLoader(held_out, batch_size=25)
net = torch.nn.Sequential(torch.nn.Linear(graphs.num_features, 16), torch.nn.ReLU(), torch.nn.Linear(16, graphs.num_classes))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(12):
    for batch in loader:
        opt.zero_grad()
        loss = net(batch.x).sum()
        loss.backward()
        opt.step()
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("PyTorch Geometric datasets of many graphs", () => {
  it("takes the graphs of the part a slice keeps after a shuffle as the loader's samples", async () => {
    const p = await plan(SCRIPT);
    // ENZYMES holds 600 graphs: 150 held out, 450 trained on, 18 batches of 25 an epoch.
    assert.deepEqual([p.epochs?.value, p.samples?.value, p.batch?.value, planOptimizerSteps(p)?.value], [12, 450, 25, 12 * 18]);
    assert.equal(p.samples?.source, "dataset table");
  });

  it("counts a part taken by a list or tensor of indices, and the graphs of a part built in the loader's call", async () => {
    const indexed = await plan(SCRIPT.replace("fitted = graphs[cut:]", "fitted = graphs[torch.arange(200)]"));
    assert.equal(indexed.samples?.value, 200);
    const inCall = await plan(SCRIPT.replace("DataLoader(fitted,", "DataLoader(graphs[:100],"));
    assert.equal(inCall.samples?.value, 100);
  });

  it("compares a MoleculeNet name without case, as PyG does", async () => {
    const p = await plan(SCRIPT.replace('TUDataset(root="tu", name="ENZYMES")', 'MoleculeNet(root=".", name="esol")').replace("import TUDataset", "import MoleculeNet"));
    // ESOL: 1,128 molecules, 282 held out.
    assert.equal(p.samples?.value, 846);
  });

  it("leaves the samples unknown for a name the table does not hold, and for a part a boolean mask selects", async () => {
    assert.equal((await plan(SCRIPT.replace('"ENZYMES"', '"MY-GRAPHS"'))).samples, undefined);
    assert.equal((await plan(SCRIPT.replace("fitted = graphs[cut:]", "fitted = graphs[torch.zeros(600, dtype=torch.bool)]"))).samples, undefined);
  });
});

describe("a part of torch_geometric the stand-in does not model", () => {
  it("says the library is not installed, as the whole package missing would", async () => {
    const text = `import torch
from torch_geometric.nn import GCNConv


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = GCNConv(8, 4)

    def forward(self, x, edge_index):
        return self.conv(x, edge_index)


net = Net()
`;
    const reasons = (await analyze(text)).models.flatMap((m) => m.unresolved.map((u) => u.reason));
    assert.ok(reasons.some((r) => r.includes("torch_geometric.nn is not among the parts of torch_geometric the analyzer models") && r.includes("not installed")), reasons.join("; "));
  });
});

describe("OGB's PyG datasets", () => {
  const OGB = `import torch
from ogb.graphproppred import PygGraphPropPredDataset, Evaluator
from torch_geometric.loader import DataLoader

molecules = PygGraphPropPredDataset(name="ogbg-molhiv")
parts = molecules.get_idx_split()
loader = DataLoader(molecules[parts["train"]], batch_size=32, shuffle=True)
scorer = Evaluator("ogbg-molhiv")
net = torch.nn.Linear(9, 1)
opt = torch.optim.Adam(net.parameters())
for epoch in range(3):
    for batch in loader:
        opt.zero_grad()
        net(batch.x).sum().backward()
        opt.step()
`;

  it("keeps the graphs of the split part get_idx_split() hands out", async () => {
    const p = await plan(OGB);
    // ogbg-molhiv's scaffold split trains on 32,901 of its 41,127 molecules: 1,029 batches of 32 an epoch.
    assert.deepEqual([p.samples?.value, planOptimizerSteps(p)?.value], [32901, 3 * 1029]);
    assert.equal((await plan(OGB.replace('parts["train"]', 'parts["valid"]'))).samples?.value, 4113);
  });

  it("takes all the nodes of a node-property graph in a full-batch step", async () => {
    const text = `import torch
from ogb.nodeproppred import PygNodePropPredDataset

papers = PygNodePropPredDataset("ogbn-arxiv", root="ogb")
graph = papers[0]
train_idx = papers.get_idx_split()["train"]
net = torch.nn.Linear(papers.num_features, papers.num_classes)
opt = torch.optim.Adam(net.parameters())
for epoch in range(50):
    opt.zero_grad()
    out = net(graph.x)
    torch.nn.functional.cross_entropy(out[train_idx], graph.y[train_idx]).backward()
    opt.step()
`;
    const p = await plan(text);
    assert.deepEqual([p.epochs?.value, p.batch?.value, p.samples?.value], [50, 169343, 169343]);
  });
});
