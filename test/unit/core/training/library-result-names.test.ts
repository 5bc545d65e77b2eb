import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Notebook-like scripts written for these tests: many plotting calls and constructions of library classes come before
// the call of another file's function that trains (src/core/training/foreign-loops.ts: calls of a library object's
// methods, of a class and of a function no workspace file defines are not counted among the candidates;
// library-result-names.ts).
const LOOPS = `def run_epochs(net, opt, feats, labels, n_epochs):
    history = []
    for epoch in range(n_epochs):
        opt.zero_grad()
        loss = ((net(feats) - labels) ** 2).mean()
        loss.backward()
        opt.step()
        history.append(float(loss))
    return history, loss
`;

const HEAD = `import torch
import matplotlib.pyplot as plt
from torch import nn
from torch.utils.data import TensorDataset
from loops import run_epochs

feats = torch.randn(64, 5)
labels = torch.randn(64, 1)
`;

const TAIL = `net = nn.Linear(5, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
history, last = run_epochs(net, opt, feats, labels, 40)
`;

const PLOTS = `fig, ax = plt.subplots()
${Array.from({ length: 10 }, (_, i) => `ax.plot(feats[:, 0], feats[:, ${i % 5}])`).join("\n")}
`;

const BUILT = Array.from({ length: 10 }, (_, i) => `part_${i} = TensorDataset(feats[${i}:], labels[${i}:])`).join("\n") + "\n";

describe("calls of a notebook's plots and library classes before the call that trains", () => {
  it("reaches the training call past ten plotting calls on a figure's axes", async () => {
    const plan = (await analyze(HEAD + PLOTS + TAIL, { others: { "/project/loops.py": LOOPS } })).training ?? {};
    assert.equal(plan.epochs?.value, 40);
  });

  it("reaches the training call past ten constructions of a library class", async () => {
    const plan = (await analyze(HEAD + BUILT + TAIL, { others: { "/project/loops.py": LOOPS } })).training ?? {};
    assert.equal(plan.epochs?.value, 40);
  });
});
