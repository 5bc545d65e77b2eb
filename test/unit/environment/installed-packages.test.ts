import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { analyzeSource, SyntaxCache, type AnalysisResult } from "../../../src/core/analyze";
import { diskFiles } from "../../../src/node/disk-files";
import { findPythonEnvironment } from "../../../src/node/python-environment";
import { testParser } from "../helpers/analyze";

function layout(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const SITE = ".venv/lib/python3.11/site-packages";

/**
 * A small library shaped like timm: the package __init__ re-exports its factory, the models package star-imports
 * every model file, and each model file registers its builders with a decorator.
 */
const TOYLIB: Record<string, string> = {
  [`${SITE}/toylib/__init__.py`]: "from .models import create_model, list_models\nfrom .layers import *\n",
  [`${SITE}/toylib/layers/__init__.py`]: "from .mlp import Mlp\nfrom .broken import Broken\n",
  [`${SITE}/toylib/layers/mlp.py`]: [
    "import torch.nn as nn",
    "class Mlp(nn.Module):",
    "    def __init__(self, dim, hidden):",
    "        super().__init__()",
    "        self.fc1 = nn.Linear(dim, hidden)",
    "        self.fc2 = nn.Linear(hidden, dim)",
    "    def forward(self, x):",
    "        return self.fc2(self.fc1(x).relu())",
  ].join("\n"),
  // Never needed by the models: loading it would fail the analysis, so it must stay unread.
  [`${SITE}/toylib/layers/broken.py`]: "raise RuntimeError('this module must not be loaded')\nclass Broken: pass\n",
  [`${SITE}/toylib/models/__init__.py`]: "from .small import *\nfrom .large import *\nfrom ._registry import register_model, list_models\nfrom ._factory import create_model\n",
  [`${SITE}/toylib/models/_registry.py`]: [
    "_entrypoints = {}",
    "def register_model(fn):",
    "    _entrypoints[fn.__name__] = fn",
    "    return fn",
    "def is_model(name):",
    "    return name in _entrypoints",
    "def model_entrypoint(name):",
    "    return _entrypoints[name]",
    "def list_models():",
    "    return sorted(_entrypoints)",
  ].join("\n"),
  [`${SITE}/toylib/models/_factory.py`]: [
    "from ._registry import is_model, model_entrypoint",
    "def create_model(model_name, pretrained=False, **kwargs):",
    "    if not is_model(model_name):",
    "        raise RuntimeError('Unknown model (%s)' % model_name)",
    "    return model_entrypoint(model_name)(pretrained=pretrained, **kwargs)",
  ].join("\n"),
  [`${SITE}/toylib/models/small.py`]: [
    "import torch.nn as nn",
    "from toylib.layers import Mlp",
    "from ._registry import register_model",
    "__all__ = ['Net']",
    "class Net(nn.Module):",
    "    def __init__(self, dim=64, depth=2, num_classes=10):",
    "        super().__init__()",
    "        self.blocks = nn.Sequential(*[Mlp(dim, dim * 4) for _ in range(depth)])",
    "        self.head = nn.Linear(dim, num_classes)",
    "    def forward(self, x):",
    "        return self.head(self.blocks(x))",
    "@register_model",
    "def net_small(pretrained=False, **kwargs):",
    "    return Net(dim=64, **kwargs)",
  ].join("\n"),
  [`${SITE}/toylib/models/large.py`]: [
    "from ._registry import register_model",
    "from .small import Net",
    "@register_model",
    "def net_large(pretrained=False, **kwargs):",
    "    return Net(dim=128, depth=4, **kwargs)",
  ].join("\n"),
  ".venv/pyvenv.cfg": "home = /usr/bin\nversion = 3.11.7\n",
};

describe("installed packages resolve from the workspace's environment, lazily", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "greenlight-pkg-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  let cache: SyntaxCache;
  async function analyzeIn(main: string, extra: Record<string, string> = {}, options: { withEnvironment?: boolean; entry?: string } = {}): Promise<AnalysisResult> {
    layout(dir, { ...TOYLIB, ...extra, "main.py": main });
    const file = join(dir, "main.py");
    const environment = options.withEnvironment === false ? undefined : findPythonEnvironment({ root: dir, fileDir: dir, variables: {} });
    cache = new SyntaxCache();
    return analyzeSource(await testParser(), { file, text: readFileSync(file, "utf8"), root: dir, files: diskFiles(), environment, cache, entry: options.entry, budget: { milliseconds: 60_000 } });
  }

  it("a factory that looks its builder up in a decorator registry builds the model (params and FLOPs exact)", async () => {
    const result = await analyzeIn("import toylib\nmodel = toylib.create_model('net_large', num_classes=5)\n# greenlight: input=2x128\n");
    assert.equal(result.models.length, 1, result.notes.join("; "));
    const m = result.models[0];
    // 4 blocks of Linear(128, 512) + Linear(512, 128), then Linear(128, 5)
    const block = 128 * 512 + 512 + 512 * 128 + 128;
    assert.equal(m.params, 4 * block + 128 * 5 + 5);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("modules nothing asks for are never run (the package's broken module stays unread)", async () => {
    const result = await analyzeIn("from toylib import create_model\nmodel = create_model('net_small')\n# greenlight: input=1x64\n");
    assert.equal(result.models.length, 1, result.notes.join("; "));
    assert.equal(result.models[0].params, 2 * (64 * 256 + 256 + 256 * 64 + 64) + 64 * 10 + 10);
    const parsed = (path: string) => cache.lookup(join(dir, SITE, path), TOYLIB[`${SITE}/${path}`]) !== undefined;
    assert.equal(parsed("toylib/models/small.py"), true);
    assert.equal(parsed("toylib/layers/mlp.py"), true);
    assert.equal(parsed("toylib/layers/broken.py"), false);
  });

  it("`from pkg import *` follows __all__", async () => {
    const main = "from toylib.models.small import *\n";
    assert.equal((await analyzeIn(main, {}, { entry: "Net()" })).models[0].params, 2 * (64 * 256 + 256 + 256 * 64 + 64) + 64 * 10 + 10);
    // small.py imports Mlp, register_model and nn, but exports only Net.
    await assert.rejects(analyzeIn(main, {}, { entry: "Mlp(4, 8)" }), /Mlp/);
  });

  it("namespace packages (folders without __init__.py) resolve across the workspace and the environment", async () => {
    const result = await analyzeIn("from acme.vision import Tiny\nfrom acme.text import Other\nmodel = Tiny()\n# greenlight: input=1x8\n", {
      "acme/vision.py": "import torch.nn as nn\nclass Tiny(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(8, 2)\n    def forward(self, x):\n        return self.fc(x)\n",
      [`${SITE}/acme/text.py`]: "Other = 1\n",
    });
    assert.equal(result.models.length, 1, result.notes.join("; "));
    assert.equal(result.models[0].params, 18);
  });

});
