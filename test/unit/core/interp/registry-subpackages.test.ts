// Registries filled by decorators in a package's subpackages (src/core/interp/program.ts): torchvision.models imports
// `from . import video` and video/__init__.py star-imports the file that registers r3d_18 under a decorator whose
// arguments span lines. get_model("r3d_18") must find it, and an unknown name is listed with the library's message.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeSource, SyntaxCache, type AnalysisResult } from "../../../../src/core/analyze";
import { diskFiles } from "../../../../src/node/disk-files";
import { findPythonEnvironment } from "../../../../src/node/python-environment";
import { testParser } from "../../helpers/analyze";

const FILES: Record<string, string> = {
  "zoo/__init__.py": "from . import models\n",
  "zoo/models/__init__.py": "from .small import *\nfrom . import video\nfrom ._api import get_model\n",
  "zoo/models/_api.py": `BUILTIN_MODELS = {}

def register_model(name=None):
    def wrapper(fn):
        BUILTIN_MODELS[name or fn.__name__] = fn
        return fn
    return wrapper

def get_model(name, **config):
    try:
        fn = BUILTIN_MODELS[name.lower()]
    except KeyError:
        raise ValueError(f"Unknown model {name}")
    return fn(**config)
`,
  "zoo/models/small.py": `import torch.nn as nn
from ._api import register_model

__all__ = ["tiny"]

@register_model()
def tiny():
    return nn.Linear(4, 2)
`,
  "zoo/models/video/__init__.py": "from .clips import *\n",
  "zoo/models/video/clips.py": `import torch.nn as nn
from .._api import register_model

__all__ = ["clip_net"]

def legacy_interface(**renames):
    def wrap(fn):
        return fn
    return wrap

@register_model()
@legacy_interface(
    weights=("pretrained", None),
)
def clip_net(width=8):
    return nn.Sequential(nn.Linear(16, width), nn.Linear(width, 3))
`,
};

describe("registries filled in a package's subpackages (src/core/interp/program.ts)", () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), "gl-registry-sub-"));
    const site = join(root, ".venv", "lib", "python3.11", "site-packages");
    mkdirSync(site, { recursive: true });
    writeFileSync(join(root, ".venv", "pyvenv.cfg"), "home = /usr/bin\nversion = 3.11.7\n");
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(site, path, ".."), { recursive: true });
      writeFileSync(join(site, path), text);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  async function analyzeScript(text: string): Promise<AnalysisResult> {
    const file = join(root, "main.py");
    writeFileSync(file, text);
    const cache = new SyntaxCache();
    try {
      const environment = findPythonEnvironment({ root, fileDir: root, variables: {} });
      return analyzeSource(await testParser(), { file, text, root, files: diskFiles(), cache, environment });
    } finally {
      cache.dispose();
    }
  }

  it("get_model finds a builder registered in a subpackage's star-imported file, under a decorator over several lines", async () => {
    const result = await analyzeScript('import zoo.models\n\nmodel = zoo.models.get_model("clip_net", width=8)\n');
    assert.equal(result.models[0]?.params, 16 * 8 + 8 + 8 * 3 + 3, JSON.stringify(result.models[0]?.unresolved));
  });

  it("an unknown name is listed with the message the library raises", async () => {
    const result = await analyzeScript('import zoo.models\n\nmodel = zoo.models.get_model("nope")\n');
    const listed = result.models.find((m) => m.name === "model");
    assert.ok(listed, `models: ${result.models.map((m) => m.name).join(", ")}`);
    assert.match(listed.unresolved[0]?.reason ?? "", /raised ValueError: Unknown model nope/);
  });
});
