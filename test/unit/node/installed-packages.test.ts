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
    return analyzeSource(await testParser(), {
      file, text: readFileSync(file, "utf8"), root: dir, files: diskFiles(), environment, cache, entry: options.entry, budget: { milliseconds: 60_000 },
      torchHubDirs: [join(dir, "torch-home/hub")], installActions: { installed: "install it there", noEnvironment: "create one" },
    });
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

  it("einops is modelled: the environment's einops is not run (as torch's is not), a workspace's own copy wins", async () => {
    // An installed einops whose import fails in the analyzer stands for the real package's recipe machinery.
    const installed = { [`${SITE}/einops/__init__.py`]: "raise RuntimeError('the installed einops must not be run')\n", [`${SITE}/einops/layers/__init__.py`]: "", [`${SITE}/einops/layers/torch.py`]: "raise RuntimeError('must not be run')\n" };
    const main = "import torch.nn as nn\nfrom einops.layers.torch import Rearrange\n\n\n# greenlight: input=1x3x32x32\nclass Patches(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.to_patches = Rearrange('b c (h p1) (w p2) -> b (h w) (p1 p2 c)', p1=4, p2=4)\n        self.proj = nn.Linear(48, 8)\n\n    def forward(self, x):\n        return self.proj(self.to_patches(x))\n";
    const result = await analyzeIn(main, installed);
    const [m] = result.models;
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.deepEqual(m.output, [[1, 64, 8]], "64 patches of 4x4x3 projected to 8");
    // A name the model of einops lacks is said to be that, not a package missing from the environment.
    const mixed = await analyzeIn(main.replace("import Rearrange", "import Rearrange, EinMix").replace("self.proj = nn.Linear(48, 8)", "self.proj = EinMix('b t c -> b t d', weight_shape='c d', c=48, d=8)"), installed);
    const gaps = JSON.stringify(mixed.models[0].unresolved);
    assert.match(gaps, /einops\.layers\.torch\.EinMix: not in the analyzer's model of einops/);
    assert.doesNotMatch(gaps, /not installed/);
    // A vendored einops in the workspace is the user's own code: it runs, and its failure is reported.
    const vendored = await analyzeIn(main, { ...installed, "einops/__init__.py": "raise RuntimeError('vendored einops ran')\n", "einops/layers/__init__.py": "", "einops/layers/torch.py": "from einops import *\n" });
    assert.equal(vendored.models[0].complete, false, "the workspace's einops failed to import, as written");
    assert.match(JSON.stringify(vendored.models[0].unresolved), /Rearrange from einops\.layers\.torch is not available/);
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

  it("torch.hub.load builds an entry point of a repository in the local hub cache (default ref main, else master)", async () => {
    const hubconf = "dependencies = ['torch']\nfrom toyvision.nets import tiny\n";
    const nets = "import torch.nn as nn\ndef tiny(width=4, weights=None):\n    return nn.Sequential(nn.Linear(8, width), nn.ReLU())\n";
    const result = await analyzeIn("import torch\nmodel = torch.hub.load('someone/toyvision', 'tiny', width=6, trust_repo=True)\n# greenlight: input=1x8\n", {
      "torch-home/hub/someone_toyvision_master/hubconf.py": hubconf,
      "torch-home/hub/someone_toyvision_master/toyvision/__init__.py": "",
      "torch-home/hub/someone_toyvision_master/toyvision/nets.py": nets,
    });
    assert.equal(result.models.length, 1, result.notes.join("; "));
    assert.equal(result.models[0].params, 8 * 6 + 6);
  });

  it("a model whose library is not installed still appears where it is built, with the reason and the action", async () => {
    // `data` is not used as a model (no call, no Module method): it is no model, missing or not.
    const result = await analyzeIn("import notinstalled\nfrom toylib import create_model\n\nmodel = notinstalled.create('big')\nnet = create_model('net_small')\ndata = notinstalled.Dataset('x')\nmodel.eval()\nprint(data)\n# greenlight: input=1x64\n");
    assert.deepEqual(result.models.map((m) => m.name).sort(), ["model", "net"]);
    const missing = result.models.find((m) => m.name === "model");
    assert.ok(missing, result.models.map((m) => m.name).join(", "));
    assert.equal(missing.line, 4);
    assert.equal(missing.complete, false);
    assert.equal(missing.unresolved[0].reason, "not built: notinstalled is not installed in .venv: install it there");
    assert.equal(missing.unresolved[0].line, 4);
    // the installed library's model is analyzed as usual beside it
    assert.equal(result.models.find((m) => m.name === "net")?.complete, true);
  });

  it("a standard-library module the analyzer does not model is said to be that, not a package missing from .venv", async () => {
    const result = await analyzeIn([
      "import ctypes",
      "import notinstalled",
      "import torch.nn as nn",
      "from concurrent.futures import ThreadPoolExecutor",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.fc = nn.Linear(8, ctypes.sizeof(ctypes.c_int))",
      "        self.pool = ThreadPoolExecutor(2)",
      "        self.other = notinstalled.Thing()",
      "    def forward(self, x):",
      "        return self.fc(x)",
      "",
    ].join("\n"));
    const reasons = result.models[0].unresolved.map((u) => u.reason).join("\n");
    assert.match(reasons, /ctypes is part of Python's standard library, not modelled by the analyzer/);
    assert.match(reasons, /concurrent is part of Python's standard library, not modelled by the analyzer/);
    assert.doesNotMatch(reasons, /(ctypes|concurrent) is not installed/);
    // A package that is not in the standard library is still one the environment lacks.
    assert.match(reasons, /notinstalled is not installed in \.venv: install it there/);
  });

  it("without any environment the reason says so; a hub repository not in the cache says where it was looked for", async () => {
    const result = await analyzeIn("import torch\nimport toylib\nmodel = toylib.create_model('net_small')\nhub_model = torch.hub.load('someone/absent', 'tiny')\n", {}, { withEnvironment: false });
    assert.deepEqual(result.models.map((m) => [m.name, m.unresolved[0]?.reason]), [
      ["model", "not built: toylib is not installed and no Python environment was found: create one"],
      ["hub_model", `not built: someone/absent is not in the torch hub cache (${join(dir, "torch-home/hub")}): run torch.hub.load once with network, or set TORCH_HOME`],
    ]);
  });

  it("pretrained=True in timm's create_model loads no weights and builds the same model", async () => {
    // A package with timm's layout: create_model in timm/models/_factory.py fails when asked for weights.
    const timm = {
      [`${SITE}/timm/__init__.py`]: "from .models import create_model\n",
      [`${SITE}/timm/models/__init__.py`]: "from ._factory import create_model\n",
      [`${SITE}/timm/models/_factory.py`]: [
        "import torch.nn as nn",
        "def create_model(model_name, pretrained=False, num_classes=1000):",
        "    model = nn.Linear(16, num_classes)",
        "    if pretrained:",
        "        raise RuntimeError('no network here')",
        "    return model",
      ].join("\n"),
    };
    const result = await analyzeIn("import timm\nmodel = timm.create_model('anything', pretrained=True, num_classes=3)\nother = timm.create_model('anything', True)\n# greenlight: input=1x16\n", timm);
    assert.deepEqual(result.models.map((m) => [m.name, m.params]), [["model", 16 * 3 + 3], ["other", 16 * 1000 + 1000]]);
  });
});
