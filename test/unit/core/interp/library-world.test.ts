// Library modules kept across analyses (src/core/interp/library-world.ts): a later analysis with the same cache gives
// what a fresh one gives, whatever the analyses before it changed in the library, and runs the modules afresh when a
// library file changes.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeSource, SyntaxCache, type AnalysisResult } from "../../../../src/core/analyze";
import { diskFiles } from "../../../../src/node/disk-files";
import { findPythonEnvironment } from "../../../../src/node/python-environment";
import { testParser } from "../../helpers/analyze";

// A package laid out as timm is: a registry filled by a decorator, model files imported by the package, a layer
// class with a class-level attribute and a module-level table that code may change.
const registry = `_models = {}

def register_model(fn):
    _models[fn.__name__] = fn
    return fn

def create_model(name, **kwargs):
    return _models[name](**kwargs)
`;
// Import-time code the analyzer cannot follow, imported on first use while forward runs.
const probe = `import importlib.util
import optional_accelerator

_fast_available = importlib.util.find_spec("fast_kernels") is not None
for _name in optional_accelerator.BACKENDS:
    _fast_available = _fast_available or _name == "fast"
`;
const layers = `import torch.nn as nn

WIDTHS = {"small": 16}

class Block(nn.Module):
    scale = 2

    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(width, width * Block.scale)

    def forward(self, x):
        from . import probe  # noqa: F401
        return self.fc(x)
`;
const nets = `import torch.nn as nn
from ._registry import register_model
from .layers import Block, WIDTHS

@register_model
def small_net(num_classes=10):
    width = WIDTHS["small"]
    return nn.Sequential(Block(width), nn.Linear(width * Block.scale, num_classes))
`;
const init = `from ._registry import create_model, register_model
from .nets import *
`;

// The model is built in a class of the script: the package's model files load while it is built.
const BUILD = `import torch.nn as nn
import toylib

class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = toylib.create_model("small_net")

    def forward(self, x):
        return self.net(x)
`;
// Changes the library three ways before building: a class attribute, a module's table, a registry entry.
const MEDDLE = `import toylib
from toylib.layers import Block, WIDTHS
from toylib import register_model

Block.scale = 3
WIDTHS["small"] = 64

@register_model
def small_net(num_classes=10):
    return Block(8)

model = toylib.create_model("small_net")
`;

describe("library modules kept across analyses (interp/library-world.ts)", () => {
  let root: string;
  let site: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), "gl-library-world-"));
    site = join(root, ".venv", "lib", "python3.11", "site-packages", "toylib");
    mkdirSync(site, { recursive: true });
    writeFileSync(join(root, ".venv", "pyvenv.cfg"), "home = /usr/bin\nversion = 3.11.7\n");
    writeFileSync(join(site, "__init__.py"), init);
    writeFileSync(join(site, "_registry.py"), registry);
    writeFileSync(join(site, "layers.py"), layers);
    writeFileSync(join(site, "probe.py"), probe);
    writeFileSync(join(site, "nets.py"), nets);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  async function analyzeScript(name: string, text: string, cache: SyntaxCache): Promise<AnalysisResult> {
    const file = join(root, name);
    writeFileSync(file, text);
    const environment = findPythonEnvironment({ root, fileDir: root, variables: {} });
    return analyzeSource(await testParser(), { file, text, root, files: diskFiles(), cache, environment });
  }

  async function fresh(name: string, text: string): Promise<AnalysisResult> {
    const cache = new SyntaxCache();
    try {
      return await analyzeScript(name, text, cache);
    } finally {
      cache.dispose();
    }
  }

  it("reuses the library's modules and gives what a fresh analysis gives, import-time notes included", async () => {
    const expected = await fresh("build.py", BUILD);
    assert.equal(expected.models[0]?.params, 16 * 32 + 32 + 32 * 10 + 10);
    assert.ok(expected.models[0].importNotes?.some((n) => n.file.endsWith("probe.py")), "the import-time gap is listed");
    const cache = new SyntaxCache();
    try {
      for (let i = 0; i < 3; i++) assert.deepEqual(await analyzeScript("build.py", BUILD, cache), expected, `analysis ${i + 1}`);
      assert.equal(cache.worlds.reused, 2, "the second and third analyses started from the kept modules");
    } finally {
      cache.dispose();
    }
  });

  it("puts back what an analysis's code changed in the library: the next analysis sees the library as installed", async () => {
    const meddled = await fresh("meddle.py", MEDDLE);
    const plain = await fresh("build.py", BUILD);
    assert.notEqual(meddled.models[0]?.params, plain.models[0]?.params, "the changes show in the meddling script's own model");
    const cache = new SyntaxCache();
    try {
      assert.deepEqual(await analyzeScript("build.py", BUILD, cache), plain);
      assert.deepEqual(await analyzeScript("meddle.py", MEDDLE, cache), meddled);
      assert.deepEqual(await analyzeScript("build.py", BUILD, cache), plain, "the registry, the table and the class attribute are as installed");
      assert.deepEqual(await analyzeScript("meddle.py", MEDDLE, cache), meddled);
      assert.equal(cache.worlds.reused, 3);
    } finally {
      cache.dispose();
    }
  });

  it("runs the modules afresh when a library file changes", async () => {
    const cache = new SyntaxCache();
    try {
      const before = await analyzeScript("build.py", BUILD, cache);
      writeFileSync(join(site, "layers.py"), layers.replace('"small": 16', '"small": 24'));
      const after = await analyzeScript("build.py", BUILD, cache);
      assert.equal(cache.worlds.reused, 0, "the kept modules were not used");
      assert.equal(after.models[0]?.params, 24 * 48 + 48 + 48 * 10 + 10);
      assert.notEqual(after.models[0]?.params, before.models[0]?.params);
    } finally {
      writeFileSync(join(site, "layers.py"), layers);
      cache.dispose();
    }
  });
});
