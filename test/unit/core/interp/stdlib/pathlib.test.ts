import assert from "node:assert/strict";
import { analyze, onlyModel } from "../../../helpers/analyze";

// pathlib as Python has it (src/core/interp/pathlib-package.ts): each figure below is what CPython 3.11 gives for the
// same expression, used as a layer's width so the report shows it.
describe("pathlib", () => {
  it("a Path's parts, name, stem, suffixes, parents and joins are the text CPython gives", async () => {
    const model = await onlyModel(`from pathlib import Path
import torch.nn as nn

p = Path("data/sets") / "train.tar.gz"


class Widths(nn.Module):
    def __init__(self):
        super().__init__()
        self.name = nn.Linear(len(p.name), 1, bias=False)              # train.tar.gz: 12
        self.stem = nn.Linear(len(p.stem), 1, bias=False)              # train.tar: 9
        self.suffix = nn.Linear(len(p.suffix), 1, bias=False)          # .gz: 3
        self.suffixes = nn.Linear(len(p.suffixes), 1, bias=False)      # ['.tar', '.gz']: 2
        self.parent = nn.Linear(len(p.parent.name), 1, bias=False)     # sets: 4
        self.parents = nn.Linear(len(p.parents), 1, bias=False)        # data/sets, data, .: 3
        self.parts = nn.Linear(len(p.parts), 1, bias=False)            # data, sets, train.tar.gz: 3
        self.renamed = nn.Linear(len(p.with_suffix(".zip").name), 1, bias=False)  # train.tar.zip: 13
        self.joined = nn.Linear(len(str("/r" / p)), 1, bias=False)     # /r/data/sets/train.tar.gz: 25

    def forward(self, x):
        return x


model = Widths()
`);
    const widths = Object.fromEntries(model.layers.filter((l) => l.path).map((l) => [l.path, l.params]));
    assert.deepEqual(widths, { name: 12, stem: 9, suffix: 3, suffixes: 2, parent: 4, parents: 3, parts: 3, renamed: 13, joined: 25 });
  });

  it("a config opened through a Path built from __file__ gives the run its epochs and batch", async () => {
    const result = await analyze(`from pathlib import Path
import yaml
import torch

cfg_path = Path(__file__).parent / "configs" / "train.yaml"
with open(cfg_path) as f:
    cfg = yaml.safe_load(f)
Path("runs").mkdir(parents=True, exist_ok=True)
net = torch.nn.Linear(4, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(640, 4)), batch_size=cfg["train"]["batch_size"])
for epoch in range(cfg["train"]["epochs"]):
    for (x,) in loader:
        opt.zero_grad()
        net(x).sum().backward()
        opt.step()
`, { others: { "/project/configs/train.yaml": "train:\n  epochs: 12\n  batch_size: 32\n" } });
    const plan = result.training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value], [12, 32]);
  });

  it("os.path's functions and Path.read_text take the path as text; listings stay unknown", async () => {
    const result = await analyze(`import os
import json
from pathlib import Path
import torch

settings = json.loads((Path("configs") / "run.json").read_text())
name = os.path.basename(Path("configs") / "run.json")
files = list(Path("data").glob("*.png"))
net = torch.nn.Linear(len(name), 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(settings["epochs"]):
    opt.zero_grad()
    net(torch.zeros(8, len(name))).sum().backward()
    opt.step()
`, { others: { "/project/configs/run.json": "{\"epochs\": 7}" } });
    assert.equal(result.training?.epochs?.value, 7);
    // run.json: 8 characters, so Linear(8, 2).
    assert.equal(result.models[0]?.params, 18);
  });
});
