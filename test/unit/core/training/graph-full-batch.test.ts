import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Full-batch training on one graph (full-batch-epochs.ts): each epoch is one step over all the nodes of the graph the
// model is given, whether as the graph (`model(graph)`), as its node features (`model(graph.x, graph.edge_index)`),
// through a function the epoch loop calls, or read by a forward that takes no arguments.
const SCRIPT = `import torch
import torch.nn.functional as F
from torch_geometric.datasets import Planetoid

citations = Planetoid(root="planetoid", name="CiteSeer")
graph = citations[0]


class TwoLayer(torch.nn.Module):
    def __init__(self, features, classes):
        super().__init__()
        self.first = torch.nn.Linear(features, 32)
        self.second = torch.nn.Linear(32, classes)

    def forward(self, g):
        return self.second(F.relu(self.first(g.x)))


net = TwoLayer(citations.num_features, citations.num_classes)
opt = torch.optim.Adam(net.parameters(), lr=0.01)
for epoch in range(150):
    opt.zero_grad()
    out = net(graph)
    F.cross_entropy(out[graph.train_mask], graph.y[graph.train_mask]).backward()
    opt.step()
`;

const figures = async (text: string) => {
  const p = (await analyze(text)).training ?? {};
  return [p.epochs?.value, p.batch?.value, p.samples?.value];
};

describe("full-batch training on one graph of a PyG dataset", () => {
  it("takes the nodes of the graph the model is given as the batch and the samples", async () => {
    // CiteSeer: 3,327 nodes.
    assert.deepEqual(await figures(SCRIPT), [150, 3327, 3327]);
  });

  it("reads the node features passed as an attribute of the graph", async () => {
    const text = SCRIPT.replace("    def forward(self, g):\n        return self.second(F.relu(self.first(g.x)))", "    def forward(self, x):\n        return self.second(F.relu(self.first(x)))").replace("out = net(graph)", "out = net(graph.x)");
    assert.deepEqual(await figures(text), [150, 3327, 3327]);
  });

  it("reads the model call of a function the epoch loop calls, its parameters bound to the call's arguments", async () => {
    const step = "def fit_once(g):\n    opt.zero_grad()\n    out = net(g)\n    F.cross_entropy(out[g.train_mask], g.y[g.train_mask]).backward()\n    opt.step()\n\n\nfor epoch in range(150):\n    fit_once(graph)\n";
    const text = SCRIPT.slice(0, SCRIPT.indexOf("for epoch in range(150):")) + step;
    assert.deepEqual(await figures(text), [150, 3327, 3327]);
    // A graph the function draws itself is not the one the loop passes: unknown there.
    const drawn = text.replace("    out = net(g)\n", "    g = next(iter(citations))\n    out = net(g)\n");
    assert.deepEqual((await figures(drawn)).slice(1), [undefined, undefined]);
  });

  it("reads the graph a forward without arguments takes from the module's names", async () => {
    const text = SCRIPT.replace("    def forward(self, g):\n        return self.second(F.relu(self.first(g.x)))", "    def forward(self):\n        h = F.relu(self.first(graph.x))\n        return self.second(h)").replace("out = net(graph)", "out = net()");
    assert.deepEqual(await figures(text), [150, 3327, 3327]);
    // Its edges read first are still a step over all the graph's nodes, not the edge list's two rows.
    const edgesFirst = text.replace("        h = F.relu(self.first(graph.x))", "        pairs = graph.edge_index\n        h = F.relu(self.first(graph.x))");
    assert.deepEqual(await figures(edgesFirst), [150, 3327, 3327]);
  });

  it("takes the graph KarateClub loads without a name", async () => {
    const text = SCRIPT.replace('Planetoid(root="planetoid", name="CiteSeer")', "KarateClub()").replace("import Planetoid", "import KarateClub");
    assert.deepEqual(await figures(text), [150, 34, 34]);
  });
});
