import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// sys.path edits (src/core/interp/program.ts fromSysPath, stdlib/environment.ts): a module that puts a folder on
// sys.path, from __file__ or relative to the working directory, then imports a module that lives only there.
const helpers = "import torch.nn as nn\n\ndef make(n):\n    return nn.Linear(n, 3 * n)\n";

/** The model of `file` after `pathEdit`, with helpers.py at `helpersAt` only. */
function analyzeWith(pathEdit: string, file: string, helpersAt: string) {
  return onlyModel(`import os
import sys
import torch.nn as nn
${pathEdit}
from helpers import make

# greenlight: input=1x5
model = nn.Sequential(make(5), nn.Tanh())
`, { file, others: { [helpersAt]: helpers } });
}

describe("sys.path edits (src/core/interp/program.ts)", () => {
  it("a folder built from __file__ and '..' is searched", async () => {
    const edit = "sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tools'))";
    const m = await analyzeWith(edit, "/project/code/models/net.py", "/project/code/tools/helpers.py");
    assert.equal(m.params, 5 * 15 + 15);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("a relative folder is searched from the working directory, the script's own folder (Transformer-XL's sys.path.append('utils'))", async () => {
    const m = await analyzeWith("sys.path.insert(0, 'utils')", "/project/code/net.py", "/project/code/utils/helpers.py");
    assert.equal(m.params, 5 * 15 + 15);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("without the edit the module stays unresolved, and one analysis's edit does not reach the next", async () => {
    await analyzeWith("sys.path.append('utils')", "/project/code/net.py", "/project/code/utils/helpers.py");
    const m = await analyzeWith("", "/project/code/net.py", "/project/code/utils/helpers.py");
    assert.equal(m.complete, false);
  });

  it("an edit made by a module the script imports for it, with os.path imported as osp (CenterNet's `import _init_paths`)", async () => {
    const initPaths = "import os.path as osp\nimport sys\n\ndef add_path(path):\n    if path not in sys.path:\n        sys.path.insert(0, path)\n\nadd_path(osp.join(osp.dirname(__file__), 'lib'))\n";
    const m = await onlyModel(`import _init_paths
import torch.nn as nn
from helpers import make

# greenlight: input=1x5
model = nn.Sequential(make(5), nn.Tanh())
`, { file: "/project/src/main.py", others: { "/project/src/_init_paths.py": initPaths, "/project/src/lib/helpers.py": helpers } });
    assert.equal(m.params, 5 * 15 + 15);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });
});

