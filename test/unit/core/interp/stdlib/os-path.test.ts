import assert from "node:assert/strict";
import { analyze } from "../../../helpers/analyze";
import { pathAbspath, pathBasename, pathDirname, pathJoin, pathNormpath, pathSplit, pathSplitext } from "../../../../../src/core/interp/stdlib/os-path";

// posixpath's string functions (src/core/interp/stdlib/os-path.ts), checked against what CPython's posixpath gives.
describe("os.path on strings (src/core/interp/stdlib/os-path.ts)", () => {
  it("join restarts at an absolute part and adds one slash between parts", () => {
    assert.equal(pathJoin("a", "b", "c.py"), "a/b/c.py");
    assert.equal(pathJoin("a/", "b"), "a/b");
    assert.equal(pathJoin("a", "/etc", "x"), "/etc/x");
    assert.equal(pathJoin("/r/pkg", ".."), "/r/pkg/..");
  });

  it("dirname and basename split at the last slash, as posixpath.split does", () => {
    assert.equal(pathDirname("/r/pkg/mod.py"), "/r/pkg");
    assert.equal(pathDirname("mod.py"), "");
    assert.equal(pathDirname("/mod.py"), "/");
    assert.equal(pathDirname("a//b"), "a");
    assert.equal(pathBasename("/r/pkg/mod.py"), "mod.py");
    assert.equal(pathBasename("/r/pkg/"), "");
  });

  it("normpath drops '.' and '..'; abspath starts relative paths at the working directory", () => {
    assert.equal(pathNormpath("/r/pkg/../utils/./x"), "/r/utils/x");
    assert.equal(pathNormpath(""), ".");
    assert.equal(pathNormpath("a/.."), ".");
    assert.equal(pathAbspath("../utils", "/r/pkg"), "/r/utils");
    assert.equal(pathAbspath("/x/../y", "/r"), "/y");
  });

  it("split and splitext give CPython's two parts; a name's leading dots are no extension", () => {
    assert.deepEqual(pathSplit("/r/pkg/mod.py"), ["/r/pkg", "mod.py"]);
    assert.deepEqual(pathSplitext("/r/pkg/train.tar.gz"), ["/r/pkg/train.tar", ".gz"]);
    assert.deepEqual(pathSplitext("/r/pkg.d/train"), ["/r/pkg.d/train", ""]);
    assert.deepEqual(pathSplitext(".bashrc"), [".bashrc", ""]);
    assert.deepEqual(pathSplitext("a/..x.y"), ["a/..x", ".y"]);
    assert.deepEqual(pathSplitext("a/..."), ["a/...", ""]);
  });

  it("a YAML named after the script (splitext of abspath(__file__) + '.yaml') gives the run its epochs and batch", async () => {
    const result = await analyze(`import os
import yaml
import torch

if __name__ == "__main__":
    here = os.path.abspath(__file__)
    head, tail = os.path.split(here)
    with open(os.path.splitext(here)[0] + ".yaml") as f:
        cfg = yaml.load(f)
    net = torch.nn.Linear(4, 2)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    data = torch.utils.data.TensorDataset(torch.zeros(len(tail) * 100, 4))
    loader = torch.utils.data.DataLoader(data, batch_size=cfg["batch_size"])
    for epoch in range(cfg["epoch"]):
        for (x,) in loader:
            opt.zero_grad()
            net(x).sum().backward()
            opt.step()
`, { file: "/project/exp/train_net.py", others: { "/project/exp/train_net.yaml": "epoch: 7 # passes\nbatch_size: 120\n" } });
    const plan = result.training ?? {};
    // tail is "train_net.py": 12 characters, so 1,200 rows.
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [7, 120, 1200]);
  });
});
