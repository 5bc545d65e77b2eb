import { strict as assert } from "node:assert";
import { analyze, memoryFiles } from "../../helpers/analyze";
import { srcLayoutFolder } from "../../../../src/core/interp/src-layout";

// A src-layout project (pyproject.toml at the root, its package under src/) imports its own package once installed,
// as its README has the user do: a notebook in notebooks/ that imports it reads the package's trainer.
const ENGINE = `import torch


class Fitter:
    def __init__(self, net, opt, epochs=1):
        self.net = net
        self.opt = opt
        self.epochs = epochs

    def fit(self, loader):
        for epoch in range(self.epochs):
            for x, y in loader:
                self.opt.zero_grad()
                torch.nn.functional.mse_loss(self.net(x), y).backward()
                self.opt.step()
`;

const NOTEBOOK = `import torch
from torch.utils.data import DataLoader, TensorDataset
from shapes.engine import Fitter

loader = DataLoader(TensorDataset(torch.randn(300, 4), torch.randn(300, 1)), batch_size=30)
net = torch.nn.Linear(4, 1)
fitter = Fitter(net, torch.optim.Adam(net.parameters()), epochs=9)
fitter.fit(loader)
`;

const PACKAGE = { "/project/src/shapes/__init__.py": "", "/project/src/shapes/engine.py": ENGINE };

describe("a src-layout project's own package (interp/src-layout.ts)", function () {
  this.timeout(60_000);

  it("is the src/ folder of a root that declares a project", () => {
    assert.equal(srcLayoutFolder("/project", memoryFiles({ "/project/pyproject.toml": "[project]\nname = 'shapes'\n" })), "/project/src");
    assert.equal(srcLayoutFolder("/project", memoryFiles({ "/project/setup.py": "" })), "/project/src");
    assert.equal(srcLayoutFolder("/project", memoryFiles({ "/project/train.py": "" })), undefined);
  });

  it("imports for a notebook in another folder, so its trainer's epochs are read", async () => {
    const others = { ...PACKAGE, "/project/pyproject.toml": "[project]\nname = 'shapes'\n" };
    const plan = (await analyze(NOTEBOOK, { file: "/project/notebooks/fit.py", others })).training;
    assert.deepEqual([plan?.epochs?.value, plan?.batch?.value, plan?.samples?.value], [9, 30, 300]);
  });

  it("is not on the path of a folder that declares no project", async () => {
    const plan = (await analyze(NOTEBOOK, { file: "/project/notebooks/fit.py", others: PACKAGE })).training;
    assert.notEqual(plan?.epochs?.value, 9);
  });
});
