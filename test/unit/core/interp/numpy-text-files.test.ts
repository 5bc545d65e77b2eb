import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// numpy.loadtxt / genfromtxt of a table the workspace holds give an array of its rows and columns
// (stdlib/numpy-text-files.ts): a full-batch loop over a slice of it trains on the slice's rows.
const TABLE = Array.from({ length: 50 }, (_, i) => `${i} ${i % 7} ${i % 3} ${i % 2}`).join("\n") + "\n";
const CSV = "# a header comment\nid,a,b,label\n" + Array.from({ length: 30 }, (_, i) => `${i},${i * 2},${i * 3},${i % 2}`).join("\n") + "\n\n";

const SCRIPT = (load: string, rows = "40") => `import numpy as np
import torch
from torch import nn

data = ${load}
train = data[:${rows}]
x = torch.from_numpy(train[:, :-1]).float()
net = nn.Linear(data.shape[1] - 1, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(200):
    loss = net(x).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
`;

async function run(load: string, files: Record<string, string>, rows?: string) {
  const result = await analyze(SCRIPT(load, rows), { others: files });
  return { params: result.models[0]?.params, plan: result.training ?? {} };
}

describe("numpy.loadtxt and genfromtxt of a workspace table", () => {
  it("a whitespace table of 50 rows and 4 columns: Linear(3, 2), 40 rows a step", async () => {
    const { params, plan } = await run(`np.loadtxt("table.data")`, { "/project/table.data": TABLE });
    assert.equal(params, 3 * 2 + 2);
    assert.deepEqual([plan.batch?.value, plan.samples?.value, plan.steps?.value], [40, 40, 200]);
  });

  it("a CSV read with delimiter, comments and skip_header: its 30 data rows", async () => {
    const { params, plan } = await run(`np.genfromtxt("t.csv", delimiter=",", skip_header=2)`, { "/project/t.csv": CSV }, "100");
    assert.equal(params, 3 * 2 + 2);
    assert.equal(plan.batch?.value, 30);
  });

  it("usecols keeps the columns named, max_rows caps the rows", async () => {
    const { params, plan } = await run(`np.loadtxt("table.data", usecols=(0, 1, 3), max_rows=25)`, { "/project/table.data": TABLE }, "100");
    assert.equal(params, 2 * 2 + 2);
    assert.equal(plan.batch?.value, 25);
  });

  it("a file the workspace lacks: the batch is all of data of unknown size, as before", async () => {
    const { plan } = await run(`np.loadtxt("absent.data")`, {});
    assert.equal(plan.batch, undefined);
    assert.equal(plan.samples, undefined);
  });
});
