import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parsePyvenvCfg, readEnvironment } from "../../../src/core/environment/python-environment";
import { diskEnvironmentReader, EnvironmentNotFound, findPythonEnvironment } from "../../../src/node/python-environment";

/** Writes files (path relative to the folder → text) on disk. */
function layout(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

describe("Python environments on disk (src/node/python-environment.ts)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "greenlight-env-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const reader = diskEnvironmentReader();

  it("reads pyvenv.cfg keys as site.py does (case-insensitive keys, spaces around '=')", () => {
    const cfg = parsePyvenvCfg("home = /usr/bin\nInclude-System-Site-Packages=false\nversion_info = 3.12.1.final.0\n# comment = x\n");
    assert.equal(cfg.get("home"), "/usr/bin");
    assert.equal(cfg.get("include-system-site-packages"), "false");
    assert.equal(cfg.get("version_info"), "3.12.1.final.0");
    assert.equal(cfg.has("# comment"), false);
  });

  it("a Linux or macOS venv: lib/pythonX.Y/site-packages, version from pyvenv.cfg", () => {
    layout(dir, { ".venv/pyvenv.cfg": "home = /usr/bin\nversion = 3.11.7\n", ".venv/lib/python3.11/site-packages/toy/__init__.py": "" });
    const env = readEnvironment(reader, join(dir, ".venv"), "test");
    assert.equal(env?.kind, "venv");
    assert.equal(env?.version, "3.11.7");
    assert.deepEqual(env?.sitePackages, [join(dir, ".venv/lib/python3.11/site-packages")]);
  });

  it("a Windows venv: Lib/site-packages", () => {
    layout(dir, { "venv/pyvenv.cfg": "home = C:\\Python312\nversion_info = 3.12.2.final.0\n", "venv/Lib/site-packages/toy/__init__.py": "", "venv/Scripts/python.exe": "" });
    const env = readEnvironment(reader, join(dir, "venv"), "test");
    assert.equal(env?.version, "3.12.2");
    assert.deepEqual(env?.sitePackages, [join(dir, "venv/Lib/site-packages")]);
  });

  it("conda environments (conda-meta/, no pyvenv.cfg) on Linux and Windows", () => {
    layout(dir, { "linux/conda-meta/history": "", "linux/lib/python3.10/site-packages/toy/__init__.py": "", "win/conda-meta/history": "", "win/Lib/site-packages/toy/__init__.py": "" });
    const linux = readEnvironment(reader, join(dir, "linux"), "test");
    assert.equal(linux?.kind, "conda");
    assert.equal(linux?.version, "3.10");
    assert.deepEqual(linux?.sitePackages, [join(dir, "linux/lib/python3.10/site-packages")]);
    assert.deepEqual(readEnvironment(reader, join(dir, "win"), "test")?.sitePackages, [join(dir, "win/Lib/site-packages")]);
  });

  it("a folder without pyvenv.cfg or conda-meta is not an environment", () => {
    layout(dir, { "plain/lib/python3.11/site-packages/toy/__init__.py": "" });
    assert.equal(readEnvironment(reader, join(dir, "plain"), "test"), undefined);
  });

  it("follows .pth path lines (relative and absolute) and never the import lines", () => {
    layout(dir, {
      ".venv/pyvenv.cfg": "home = /usr/bin\n",
      ".venv/lib/python3.11/site-packages/extra.pth": `../../../../src\nimport os; os.system('echo ran')\n${join(dir, "abs")}\n/nonexistent/folder\n`,
      "src/mypkg/__init__.py": "",
      "abs/other/__init__.py": "",
    });
    const env = readEnvironment(reader, join(dir, ".venv"), "test");
    assert.deepEqual(env?.sitePackages, [join(dir, ".venv/lib/python3.11/site-packages"), join(dir, "src"), join(dir, "abs")]);
  });

  it("include-system-site-packages adds the base install's site-packages after the venv's", () => {
    layout(dir, {
      ".venv/pyvenv.cfg": `home = ${join(dir, "base/bin")}\ninclude-system-site-packages = true\n`,
      ".venv/lib/python3.12/site-packages/a/__init__.py": "",
      "base/bin/python3": "",
      "base/lib/python3.12/site-packages/b/__init__.py": "",
    });
    const env = readEnvironment(reader, join(dir, ".venv"), "test");
    assert.deepEqual(env?.sitePackages, [join(dir, ".venv/lib/python3.12/site-packages"), join(dir, "base/lib/python3.12/site-packages")]);
  });

  it("the CLI's order: --python-env, then VIRTUAL_ENV, then .venv/venv from the file's folder up to the root", () => {
    layout(dir, {
      "ws/.venv/pyvenv.cfg": "home = /usr/bin\n",
      "ws/.venv/lib/python3.11/site-packages/x.py": "",
      "active/pyvenv.cfg": "home = /usr/bin\n",
      "active/lib/python3.11/site-packages/x.py": "",
      "chosen/conda-meta/history": "",
      "chosen/lib/python3.11/site-packages/x.py": "",
      "ws/scripts/train.py": "",
    });
    const root = join(dir, "ws");
    const fileDir = join(dir, "ws/scripts");
    const found = findPythonEnvironment({ root, fileDir, variables: {} });
    assert.equal(found?.prefix, join(dir, "ws/.venv"));
    assert.equal(found?.label, ".venv");
    assert.equal(findPythonEnvironment({ root, fileDir, variables: { VIRTUAL_ENV: join(dir, "active") } })?.prefix, join(dir, "active"));
    assert.equal(findPythonEnvironment({ root, fileDir, option: join(dir, "chosen"), variables: { VIRTUAL_ENV: join(dir, "active") } })?.prefix, join(dir, "chosen"));
    assert.throws(() => findPythonEnvironment({ root, fileDir, option: join(dir, "ws/scripts"), variables: {} }), EnvironmentNotFound);
    // A VIRTUAL_ENV that holds no environment (deleted since) falls through to the workspace's.
    assert.equal(findPythonEnvironment({ root, fileDir, variables: { VIRTUAL_ENV: join(dir, "gone") } })?.prefix, join(dir, "ws/.venv"));
  });

  it("a file inside an environment (a library module opened from site-packages) resolves in that environment", () => {
    layout(dir, {
      "ws/.venv/pyvenv.cfg": "home = /usr/bin\n",
      "ws/.venv/lib/python3.11/site-packages/lib/models/net.py": "",
      "ws/other.py": "",
    });
    const fileDir = join(dir, "ws/.venv/lib/python3.11/site-packages/lib/models");
    // The import root found from such a file is its own folder: the workspace search alone finds nothing there.
    const found = findPythonEnvironment({ root: fileDir, fileDir, variables: {} });
    assert.equal(found?.prefix, join(dir, "ws/.venv"));
    assert.deepEqual(found?.sitePackages, [join(dir, "ws/.venv/lib/python3.11/site-packages")]);
    // A file outside any environment finds none this way.
    assert.equal(findPythonEnvironment({ root: join(dir, "ws", "sub"), fileDir: join(dir, "ws", "sub"), variables: {} }), undefined);
  });

  it("a project without .git or pyproject.toml, run from its folder: the working directory's .venv (uv's rule)", () => {
    layout(dir, {
      "proj/.venv/pyvenv.cfg": "home = /usr/bin\n",
      "proj/.venv/lib/python3.11/site-packages/x.py": "",
      "proj/scripts/train.py": "",
    });
    const fileDir = join(dir, "proj/scripts");
    // No project marker: the import root is the script's own folder, and the search from it up to there finds nothing.
    assert.equal(findPythonEnvironment({ root: fileDir, fileDir, variables: {} }), undefined);
    assert.equal(findPythonEnvironment({ root: fileDir, fileDir, variables: {}, cwd: join(dir, "proj") })?.prefix, join(dir, "proj/.venv"));
    // From a sub-folder of the project too (parents of the working directory), and not from a sibling project.
    assert.equal(findPythonEnvironment({ root: fileDir, fileDir, variables: {}, cwd: join(dir, "proj/scripts") })?.prefix, join(dir, "proj/.venv"));
    assert.equal(findPythonEnvironment({ root: fileDir, fileDir, variables: {}, cwd: join(dir, "elsewhere") }), undefined);
  });

  it("no environment anywhere: undefined, not an error", () => {
    layout(dir, { "ws/main.py": "" });
    assert.equal(findPythonEnvironment({ root: join(dir, "ws"), fileDir: join(dir, "ws"), variables: {} }), undefined);
  });
});
