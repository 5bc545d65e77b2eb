import { strict as assert } from "node:assert";
import { analyze, memoryFiles } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { importRootAbove } from "../../../../src/core/interp/import-root-above";

// A script whose analysis root is its own folder (no project marker above it) importing its project's modules by a
// dotted name found only from a folder above (src/core/interp/import-root-above.ts). Files written for this test.
const loops = `import torch
def fit_model(model, loader, opt, epochs=3):
    for epoch in range(epochs):
        for x, y in loader:
            loss = torch.nn.functional.cross_entropy(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
`;
const script = (module: string) => `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from ${module} import fit_model

def main():
    model = nn.Linear(10, 2)
    loader = DataLoader(TensorDataset(torch.randn(64, 10), torch.randint(0, 2, (64,))), batch_size=8)
    fit_model(model, loader, torch.optim.SGD(model.parameters(), lr=0.1))

if __name__ == "__main__":
    main()
`;

const planOf = async (file: string, text: string, others: Record<string, string>) => {
  const root = file.slice(0, file.lastIndexOf("/"));
  const result = await analyze(text, { file, root, rootGuessed: true, others });
  return trainingPlanOf(result, result.models[0]!);
};

describe("a script's dotted imports found from a folder above its own", () => {
  it("its own package chain run with -m: `from src.training.loops import` in src/training/", async () => {
    const plan = await planOf("/repo/src/training/main.py", script("src.training.loops"), { "/repo/src/training/loops.py": loops, "/repo/src/__init__.py": "", "/repo/src/training/__init__.py": "" });
    assert.equal(plan?.epochs?.value, 3);
    assert.equal(plan?.batch?.value, 8);
  });

  it("a sibling package of the script's folder (put on sys.path by the script): `from lib.loops import` in run/exp/", async () => {
    const plan = await planOf("/repo/run/exp/main.py", script("lib.loops"), { "/repo/lib/loops.py": loops });
    assert.equal(plan?.epochs?.value, 3);
  });

  it("the root found is the folder the dotted name resolves from", () => {
    const files = memoryFiles({ "/repo/src/trainer/trainer.py": "class Trainer: pass\n", "/repo/run/exp/main.py": "" });
    assert.equal(importRootAbove("/repo/run/exp/main.py", "/repo/run/exp", "from src.trainer.trainer import Trainer\n", files), "/repo");
  });

  it("leaves the root where a name resolves beside the script, is one part, or the root is a project's", () => {
    const files = memoryFiles({ "/repo/lib/loops.py": "", "/repo/run/lib/loops.py": "", "/repo/run/utils.py": "", "/repo/utils.py": "" });
    assert.equal(importRootAbove("/repo/run/main.py", "/repo/run", "from lib.loops import fit_model\n", files), undefined);
    assert.equal(importRootAbove("/repo/run/x/main.py", "/repo/run/x", "import utils\n", files), undefined);
    assert.equal(importRootAbove("/repo/run/x/main.py", "/repo", "from lib.loops import fit_model\n", files), undefined);
    assert.equal(importRootAbove("/repo/run/x/main.py", "/repo/run/x", "import os.path\nfrom torch.nn import Linear\n", files), undefined);
  });

  it("never moves a root the host chose (an editor's workspace folder): only the CLI's guess from the file's folder", async () => {
    const file = "/repo/src/training/main.py";
    const others = { "/repo/src/training/loops.py": loops, "/repo/src/__init__.py": "", "/repo/src/training/__init__.py": "" };
    const result = await analyze(script("src.training.loops"), { file, root: "/repo/src/training", others });
    assert.notEqual(trainingPlanOf(result, result.models[0]!)?.epochs?.value, 3);
  });

  it("a folder above put on sys.path by `..` parts, for a one-part name found there: a notebook's `from src import`", async () => {
    const notebook = `import sys, os
sys.path.append(os.path.abspath(os.path.join('..')))
${script("src").replace("from src import fit_model", "from src import fit_model")}`;
    const others = { "/repo/src/__init__.py": "from .loops import fit_model\n", "/repo/src/loops.py": loops };
    const plan = await planOf("/repo/notebooks/main.py", notebook, others);
    assert.equal(plan?.epochs?.value, 3);
    assert.equal(plan?.batch?.value, 8);
  });

  it("the folder `..` parts reach, only where the name is not beside the script and the edit is made", () => {
    const files = memoryFiles({ "/repo/src/__init__.py": "", "/repo/nb/deeper/x.py": "", "/repo/nb/lib/__init__.py": "", "/repo/lib/__init__.py": "" });
    assert.equal(importRootAbove("/repo/nb/main.py", "/repo/nb", "import sys\nsys.path.append('..')\nfrom src import GCN\n", files), "/repo");
    assert.equal(importRootAbove("/repo/nb/deeper/main.py", "/repo/nb/deeper", "import sys, os\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), '../..'))\nfrom src import GCN\n", files), "/repo");
    assert.equal(importRootAbove("/repo/nb/main.py", "/repo/nb", "from src import GCN\n", files), undefined);
    assert.equal(importRootAbove("/repo/nb/main.py", "/repo/nb", "import sys\nsys.path.append('..')\nfrom lib import GCN\n", files), undefined);
  });
});
