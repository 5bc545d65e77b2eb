import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { environmentWatchTargets, locateEditorEnvironment } from "../../../../src/core/environment/python-environment";
import { diskEnvironmentReader } from "../../../../src/node/python-environment";

/** Writes files (path relative to the folder → text) on disk. */
function layout(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const VENV = { "pyvenv.cfg": "home = /usr/bin\nversion = 3.11.7\n", "lib/python3.11/site-packages/toy/__init__.py": "" };
const inside = (folder: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([p, t]) => [`${folder}/${p}`, t]));

describe("the editor's environment lookup (src/core/environment/python-environment.ts)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "greenlight-editor-env-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const reader = diskEnvironmentReader();

  it("a file inside an environment's folder uses that environment, ahead of the workspace's .venv and the setting", () => {
    layout(dir, { ...inside(".venv", VENV), ...inside("tools/env", { "conda-meta/history": "", "lib/python3.10/site-packages/toy/models.py": "" }) });
    const fileDir = join(dir, "tools/env/lib/python3.10/site-packages/toy");
    const env = locateEditorEnvironment(reader, { root: dir, fileDir, setting: ".venv", variables: {} });
    assert.equal(env?.prefix, join(dir, "tools/env"));
    assert.equal(env?.kind, "conda");
    assert.equal(env?.label, "tools/env");
    // A file of the project itself: the setting, then the workspace's .venv.
    assert.equal(locateEditorEnvironment(reader, { root: dir, fileDir: join(dir, "tools"), setting: "tools/env", variables: {} })?.prefix, join(dir, "tools/env"));
    assert.equal(locateEditorEnvironment(reader, { root: dir, fileDir: join(dir, "tools"), variables: {} })?.prefix, join(dir, ".venv"));
  });

  it("the selected interpreter, then the setting, then the folder's .venv, then VIRTUAL_ENV; a bad setting is reported", () => {
    layout(dir, { ...inside(".venv", VENV), ...inside("selected", VENV), ...inside("set", VENV), ...inside("outside", VENV), "selected/bin/python": "" });
    const bad: string[] = [];
    const search = { root: dir, variables: { VIRTUAL_ENV: join(dir, "outside") } };
    assert.equal(locateEditorEnvironment(reader, { ...search, selected: join(dir, "selected/bin/python"), setting: "set" })?.source, "the Python extension's interpreter");
    assert.equal(locateEditorEnvironment(reader, { ...search, setting: "set" })?.prefix, join(dir, "set"));
    assert.equal(locateEditorEnvironment(reader, { ...search, setting: "missing" }, (p) => bad.push(p))?.prefix, join(dir, ".venv"));
    assert.deepEqual(bad, [join(dir, "missing")]);
    rmSync(join(dir, ".venv"), { recursive: true });
    assert.equal(locateEditorEnvironment(reader, search)?.source, "VIRTUAL_ENV");
  });

  it("watches the top of the environment's own site-packages and its pyvenv.cfg, not a base install's", () => {
    layout(dir, { ...inside(".venv", { ...VENV, "pyvenv.cfg": `home = ${join(dir, "base/bin")}\ninclude-system-site-packages = true\nversion = 3.11.7\n` }), "base/lib/python3.11/site-packages/numpy/__init__.py": "" });
    const env = locateEditorEnvironment(reader, { root: dir, variables: {} })!;
    assert.equal(env.sitePackages.length, 2);
    assert.deepEqual(environmentWatchTargets(env), [
      { folder: join(dir, ".venv/lib/python3.11/site-packages"), pattern: "*" },
      { folder: join(dir, ".venv"), pattern: "pyvenv.cfg" },
    ]);
  });
});
