import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// sys.path edits (src/core/interp/program.ts fromSysPath, stdlib/environment.ts): a module that puts a folder on
// sys.path, from __file__ or relative to the working directory, then imports a module that lives only there.
const net = (pathEdit: string) => `import os
import sys
import torch.nn as nn
${pathEdit}
from helpers import make

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = make(5)

    def forward(self, x):
        return self.body(x)

# greenlight: input=1x5
model = Net()
`;
const helpers = "import torch.nn as nn\n\ndef make(n):\n    return nn.Linear(n, 3 * n)\n";

describe("sys.path edits (src/core/interp/program.ts)", () => {
  it("a folder built from __file__ and '..' is searched", async () => {
    const m = await onlyModel(net("sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tools'))"), {
      file: "/project/code/models/net.py",
      others: { "/project/code/tools/helpers.py": helpers },
    });
    assert.equal(m.params, 5 * 15 + 15);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("a relative folder is searched from the working directory, the script's own folder (Transformer-XL's sys.path.append('utils'))", async () => {
    const m = await onlyModel(net("sys.path.insert(0, 'utils')"), {
      file: "/project/code/net.py",
      others: { "/project/code/utils/helpers.py": helpers },
    });
    assert.equal(m.params, 5 * 15 + 15);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("without the edit the module stays unresolved, and one analysis's edit does not reach the next", async () => {
    const others = { "/project/code/utils/helpers.py": helpers };
    await onlyModel(net("sys.path.append('utils')"), { file: "/project/code/net.py", others });
    const m = await onlyModel(net(""), { file: "/project/code/net.py", others });
    assert.equal(m.complete, false);
  });
});
