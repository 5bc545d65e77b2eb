import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A notebook-like script written for these tests: it calls many functions of its project's data module before the
// call, handed the optimizer it built, of another file's function that trains (src/core/training/foreign-loops.ts: a
// call given an optimizer is tried whatever came before it).
const PREP = `import torch


def widen(t, k):
    return torch.cat([t] * k, dim=1)
`;

const LOOPS = `def run_epochs(net, feats, labels, opt, n_epochs):
    for epoch in range(n_epochs):
        opt.zero_grad()
        loss = ((net(feats) - labels) ** 2).mean()
        loss.backward()
        opt.step()
    return loss
`;

const SCRIPT = `import torch
from torch import nn
from prep import widen
from loops import run_epochs

feats = torch.randn(64, 2)
${Array.from({ length: 10 }, (_, i) => `wide_${i} = widen(feats, ${i + 1})`).join("\n")}
net = nn.Linear(2, 1)
opt = torch.optim.Adam(net.parameters(), lr=0.01)
last = run_epochs(net, feats, torch.randn(64, 1), opt, 40)
`;

describe("a script's call handing its optimizer to another file's training function", () => {
  it("is reached past ten calls of the project's other functions", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/prep.py": PREP, "/project/loops.py": LOOPS } })).training ?? {};
    assert.equal(plan.epochs?.value, 40);
  });
});
