import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeSource, SyntaxCache } from "../../../src/core/analyze";
import { createPythonParser, type PythonParser } from "../../../src/core/python/parser";
import { diskFiles, MAX_SOURCE_BYTES } from "../../../src/node/disk-files";
import { FileSnapshots } from "../../../src/node/file-snapshots";
import { findPythonEnvironment } from "../../../src/node/python-environment";
import { readParserWasm } from "../../../src/node/wasm";

describe("FileSnapshots: the disk with texts kept while unchanged (src/node/file-snapshots.ts)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "greenlight-snapshots-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads as the disk does: texts, folders, listings; nothing for a missing path, a folder or a file over the size limit", () => {
    mkdirSync(join(dir, "pkg"));
    writeFileSync(join(dir, "pkg", "a.py"), "x = 1\n");
    writeFileSync(join(dir, "pkg", "notes.txt"), "hello");
    writeFileSync(join(dir, "big.py"), Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x20));
    const files = new FileSnapshots();
    const disk = diskFiles();
    for (const path of [join(dir, "pkg", "a.py"), join(dir, "pkg", "notes.txt"), join(dir, "pkg"), join(dir, "missing.py"), join(dir, "big.py")]) {
      assert.equal(files.read(path), disk.read(path), path);
      assert.equal(files.exists(path), disk.exists(path), path);
      assert.equal(files.isDirectory(path), disk.isDirectory!(path), path);
    }
    assert.equal(files.read(join(dir, "pkg", "a.py")), "x = 1\n");
    assert.equal(files.read(join(dir, "big.py")), undefined);
    assert.deepEqual(files.listPython(join(dir, "pkg")), disk.listPython(join(dir, "pkg")));
    assert.deepEqual(files.listFiles(join(dir, "pkg")).sort(), disk.listFiles!(join(dir, "pkg")).sort());
    assert.deepEqual(files.listFiles(join(dir, "pkg")).sort(), [join(dir, "pkg", "a.py"), join(dir, "pkg", "notes.txt")]);
    assert.deepEqual(files.listPython(join(dir, "nowhere")), []);
    // Folders are listed apart from files (a dataset kept one folder per class).
    mkdirSync(join(dir, "pkg", "sub"));
    files.refresh();
    assert.deepEqual(files.listFolders(join(dir, "pkg")), [join(dir, "pkg", "sub")]);
    assert.deepEqual(files.listFolders(join(dir, "pkg")), disk.listFolders!(join(dir, "pkg")));
    assert.deepEqual(files.listFolders(join(dir, "pkg", "a.py")), []);
  });

  it("lists a folder's new and removed entries after refresh, and the same listing while the folder is unchanged", () => {
    mkdirSync(join(dir, "cats"));
    writeFileSync(join(dir, "cats", "a.jpg"), "");
    const files = new FileSnapshots();
    const first = files.listFiles(join(dir, "cats"));
    assert.deepEqual(first, [join(dir, "cats", "a.jpg")]);
    files.refresh();
    assert.deepEqual(files.listFiles(join(dir, "cats")), first);
    writeFileSync(join(dir, "cats", "b.jpg"), "");
    // Within one analysis the folder reads as it did when the analysis started.
    assert.deepEqual(files.listFiles(join(dir, "cats")), first);
    files.refresh();
    assert.deepEqual(files.listFiles(join(dir, "cats")).sort(), [join(dir, "cats", "a.jpg"), join(dir, "cats", "b.jpg")]);
    rmSync(join(dir, "cats", "a.jpg"));
    files.refresh();
    assert.deepEqual(files.listFiles(join(dir, "cats")), [join(dir, "cats", "b.jpg")]);
    rmSync(join(dir, "cats"), { recursive: true });
    files.refresh();
    assert.deepEqual(files.listFiles(join(dir, "cats")), []);
  });

  it("sees a file's new text after refresh, also when it is rewritten at the same length or replaced by a rename", () => {
    const path = join(dir, "m.py");
    writeFileSync(path, "a = 1\n");
    const files = new FileSnapshots();
    assert.equal(files.read(path), "a = 1\n");
    writeFileSync(path, "b = 2\n");
    // Within one analysis (no refresh) the disk reads as it did when the analysis started.
    assert.equal(files.read(path), "a = 1\n");
    files.refresh();
    assert.equal(files.read(path), "b = 2\n");
    writeFileSync(join(dir, "m.py.new"), "c = 3\n");
    renameSync(join(dir, "m.py.new"), path);
    files.refresh();
    assert.equal(files.read(path), "c = 3\n");
    rmSync(path);
    files.refresh();
    assert.equal(files.read(path), undefined);
    assert.equal(files.exists(path), false);
  });

  it("sees files and folders created or removed since the last refresh", () => {
    const files = new FileSnapshots();
    const pkg = join(dir, "pkg");
    assert.equal(files.isDirectory(pkg), false);
    assert.deepEqual(files.listPython(dir), []);
    mkdirSync(pkg);
    writeFileSync(join(dir, "new.py"), "");
    files.refresh();
    assert.equal(files.isDirectory(pkg), true);
    assert.deepEqual(files.listPython(dir), [join(dir, "new.py")]);
    rmSync(join(dir, "new.py"));
    files.refresh();
    assert.deepEqual(files.listPython(dir), []);
  });

  describe("an analysis over a package", () => {
    let parser: PythonParser;
    before(async () => {
      parser = await createPythonParser(readParserWasm());
    });

    it("gives the disk's figures, also re-analyzed after the package's file changed", () => {
      writeFileSync(join(dir, "layers.py"), "import torch.nn as nn\n\nWIDTH = 32\n\ndef block():\n    return nn.Linear(WIDTH, WIDTH)\n");
      const text = "import torch.nn as nn\nfrom layers import block\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.a = block()\n\n    def forward(self, x):\n        return self.a(x)\n";
      const file = join(dir, "main.py");
      writeFileSync(file, text);
      const files = new FileSnapshots();
      const cache = new SyntaxCache();
      const paramsWith = (f: typeof files | ReturnType<typeof diskFiles>) => analyzeSource(parser, { file, text, root: dir, files: f, cache }).models[0]?.params;
      try {
        assert.equal(paramsWith(files), 32 * 32 + 32);
        files.refresh();
        assert.equal(paramsWith(files), paramsWith(diskFiles()));
        writeFileSync(join(dir, "layers.py"), readFileSync(join(dir, "layers.py"), "utf8").replace("WIDTH = 32", "WIDTH = 64"));
        files.refresh();
        assert.equal(paramsWith(files), 64 * 64 + 64);
      } finally {
        cache.dispose();
      }
    });

    it("follows a library's lazy re-exports and registry again after the library's files changed", () => {
      const site = join(dir, ".venv", "lib", "python3.11", "site-packages");
      const lib = join(site, "netlib");
      mkdirSync(join(lib, "models"), { recursive: true });
      writeFileSync(join(dir, ".venv", "pyvenv.cfg"), "home = /usr/bin\nversion = 3.11.7\n");
      // A lazy package: the names come from TYPE_CHECKING star imports; models are built by name through a registry.
      writeFileSync(join(lib, "__init__.py"), "from typing import TYPE_CHECKING\nfrom .registry import create\nif TYPE_CHECKING:\n    from .models import *\n");
      writeFileSync(join(lib, "registry.py"), "_MODELS = {}\n\ndef register(fn):\n    _MODELS[fn.__name__] = fn\n    return fn\n\ndef create(name):\n    return _MODELS[name]()\n");
      writeFileSync(join(lib, "models", "__init__.py"), "from .dense import *\n");
      const dense = (width: number, name: string) => `import torch.nn as nn\nfrom ..registry import register\n\n__all__ = ["Dense"]\n\nclass Dense(nn.Linear):\n    def __init__(self):\n        super().__init__(${width}, ${width})\n\n@register\ndef ${name}():\n    return Dense()\n`;
      writeFileSync(join(lib, "models", "dense.py"), dense(16, "small"));
      const file = join(dir, "main.py");
      const text = "import netlib\nfrom netlib import Dense\n\nfirst = Dense()\nsecond = netlib.create('small')\n";
      writeFileSync(file, text);
      const environment = findPythonEnvironment({ root: dir, fileDir: dir, variables: {} });
      const files = new FileSnapshots();
      const cache = new SyntaxCache();
      const params = () => {
        files.refresh();
        const result = analyzeSource(parser, { file, text, root: dir, files, cache, environment, environmentFiles: files });
        return result.models.map((m) => `${m.name} ${m.params}`).sort();
      };
      try {
        assert.deepEqual(params(), ["first 272", "second 272"]);
        assert.deepEqual(params(), ["first 272", "second 272"]);
        // The library upgraded: wider, and the registered name changed (the registry scan of the file must be redone).
        writeFileSync(join(lib, "models", "dense.py"), dense(32, "renamed"));
        writeFileSync(file, text);
        assert.deepEqual(params().filter((m) => m.startsWith("first")), ["first 1056"]);
        assert.equal(params().some((m) => m === "second 272"), false);
        // The class moved out of the star-imported module: the re-export search reads the new texts.
        writeFileSync(join(lib, "models", "__init__.py"), "\n");
        assert.equal(params().some((m) => m.startsWith("first")), false);
      } finally {
        cache.dispose();
      }
    });
  });
});
