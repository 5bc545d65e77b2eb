import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeSource, SyntaxCache } from "../../../../src/core/analyze";
import { diskFiles } from "../../../../src/node/disk-files";
import { findPythonEnvironment } from "../../../../src/node/python-environment";
import { testParser } from "../../helpers/analyze";

// An installed package whose import-time code probes for optional packages (as transformers' import_utils does)
// with calls the analyzer cannot follow; its model class is imported on first use, while forward runs.
const probe = `import importlib.util
import optional_accelerator

_fast_available = importlib.util.find_spec("fast_kernels") is not None
for _name in optional_accelerator.BACKENDS:
    _fast_available = _fast_available or _name == "fast"
SCALE = optional_accelerator.DEFAULT_SCALE
`;
// Each forward imports the probe on first use (a function-level import, as lazy packages resolve names).
const layers = `import torch.nn as nn

class Block(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(width, width)

    def forward(self, x):
        from . import probe  # noqa: F401
        return self.fc(x)

class ScaledBlock(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(width, width)

    def forward(self, x):
        from .probe import SCALE
        return self.fc(x) * SCALE
`;

describe("gaps in a library's import-time code (src/core/interp/recorder.ts importNotes)", () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), "gl-import-time-"));
    const site = join(root, ".venv", "lib", "python3.11", "site-packages", "toylib");
    mkdirSync(site, { recursive: true });
    writeFileSync(join(root, ".venv", "pyvenv.cfg"), "home = /usr/bin\nversion = 3.11.7\n");
    writeFileSync(join(site, "__init__.py"), "");
    writeFileSync(join(site, "probe.py"), probe);
    writeFileSync(join(site, "layers.py"), layers);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  async function analyzeScript(text: string) {
    const file = join(root, "script.py");
    const environment = findPythonEnvironment({ root, fileDir: root, variables: {} });
    return analyzeSource(await testParser(), { file, text, root, files: diskFiles(), cache: new SyntaxCache(), environment });
  }

  it("do not make a model partial: they are listed as the import's notes", async () => {
    const result = await analyzeScript("import torch\nfrom toylib.layers import Block\n\nmodel = Block(32)\n");
    const m = result.models[0];
    assert.equal(m.params, 32 * 32 + 32);
    assert.equal(m.flops, 2 * 32 * 32);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.ok(m.importNotes && m.importNotes.some((n) => n.file.endsWith("probe.py")), JSON.stringify(result.models.map((x) => [x.name, x.unresolved, x.importNotes])));
  });

  it("one that reaches the model still makes it partial", async () => {
    const result = await analyzeScript("import torch\nfrom toylib.layers import ScaledBlock\n\nmodel = ScaledBlock(32)\n");
    const m = result.models[0];
    assert.equal(m.params, 32 * 32 + 32);
    assert.equal(m.complete, false);
    assert.ok(m.unresolved.some((n) => n.reason.includes("optional_accelerator")), JSON.stringify(m.unresolved));
  });
});
