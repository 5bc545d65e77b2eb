// Issue 13: models that installed packages build are analyzed from the workspace's environment, and the CodeLens
// shows the same figures as the CLI. The environments are real folders on disk (a venv and a conda layout) written
// by the test; switching greenlight.pythonEnvironment takes effect without a reload.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import { formatCount } from "../../../src/core/report/format";
import { huggingFaceCaches } from "../../../src/node/huggingface-cache";
import { EXTENSION_ID, codeLensTitles, fixtureUri, greenlight, openFixture, setSetting, waitFor } from "./helpers";

/** A package shaped like timm: a registry filled by a decorator, reached through the package's create_model. */
function writeToylib(site: string, width: number): void {
  const files: Record<string, string> = {
    "toylib/__init__.py": "from .models import create_model\n",
    "toylib/models/__init__.py": "from .nets import *\nfrom ._registry import create_model\n",
    "toylib/models/_registry.py": "_entries = {}\ndef register(fn):\n    _entries[fn.__name__] = fn\n    return fn\ndef create_model(name, pretrained=False, **kwargs):\n    return _entries[name](**kwargs)\n",
    "toylib/models/nets.py": `import torch.nn as nn\nfrom ._registry import register\n__all__ = []\n@register\ndef net_small(**kwargs):\n    return nn.Sequential(nn.Linear(64, ${width}), nn.ReLU(), nn.Linear(${width}, 10))\n`,
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    fs.writeFileSync(path.join(site, file), text);
  }
}

const paramsFor = (width: number) => 64 * width + width + width * 10 + 10;

suite("Python environment (issue 13)", function () {
  this.timeout(120_000);
  const root = () => fixtureUri("").fsPath;

  suiteTeardown(async () => {
    await greenlight();
    await setSetting("pythonEnvironment", "");
    for (const folder of [".venv", "other-env"]) fs.rmSync(path.join(root(), folder), { recursive: true, force: true });
    if (hubRepository) fs.rmSync(hubRepository, { recursive: true, force: true });
  });
  let hubRepository: string | undefined;

  test("a model built by an installed package shows its figures in the CodeLens, and follows greenlight.pythonEnvironment", async () => {
    await greenlight();
    fs.mkdirSync(path.join(root(), ".venv"), { recursive: true });
    fs.writeFileSync(path.join(root(), ".venv/pyvenv.cfg"), "home = /usr/bin\nversion = 3.11.7\n");
    writeToylib(path.join(root(), ".venv/lib/python3.11/site-packages"), 32);
    // A conda environment elsewhere, with a wider build of the same model.
    fs.mkdirSync(path.join(root(), "other-env/conda-meta"), { recursive: true });
    writeToylib(path.join(root(), "other-env/lib/python3.10/site-packages"), 48);
    fs.writeFileSync(path.join(root(), "uses_toylib.py"), "import toylib\n\n# greenlight: input=1x64\nmodel = toylib.create_model('net_small', pretrained=True)\n");

    const document = await openFixture("uses_toylib.py");
    const venvTitle = await waitFor("the CodeLens of the .venv's model", async () => (await codeLensTitles(document.uri)).find((t) => t.includes(`${formatCount(paramsFor(32))} params`)), 60_000);
    assert.ok(venvTitle.startsWith("model"), venvTitle);

    await setSetting("pythonEnvironment", "other-env");
    await waitFor("the CodeLens to follow the setting", async () => (await codeLensTitles(document.uri)).find((t) => t.includes(`${formatCount(paramsFor(48))} params`)), 60_000);
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
  });

  test("a from_pretrained model whose config.json is in the Hugging Face cache shows greenlight analyze's figures in the CodeLens", async () => {
    await greenlight();
    await setSetting("pythonEnvironment", "");
    // The transformers-shaped test package (hand-written, test/fixtures/transformers-env) as the workspace's .venv.
    const repo = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    fs.rmSync(path.join(root(), ".venv"), { recursive: true, force: true });
    fs.cpSync(path.join(repo, "test/fixtures/transformers-env/.venv"), path.join(root(), ".venv"), { recursive: true });
    // A config.json in the cache the extension host reads (its HF_HUB_CACHE / HF_HOME / home), at the snapshot
    // refs/main names: the harness gives the editor a HOME of its own, so this is never a user's cache.
    const cache = huggingFaceCaches(process.env, os.homedir())[0];
    hubRepository = path.join(cache, "models--acme--tiny-chat");
    const commit = "0123456789abcdef0123456789abcdef01234567";
    fs.mkdirSync(path.join(hubRepository, "refs"), { recursive: true });
    fs.mkdirSync(path.join(hubRepository, "snapshots", commit), { recursive: true });
    fs.writeFileSync(path.join(hubRepository, "refs", "main"), `${commit}\n`);
    fs.writeFileSync(path.join(hubRepository, "snapshots", commit, "config.json"), JSON.stringify({ model_type: "tiny", vocab_size: 300, hidden_size: 16, num_hidden_layers: 4, intermediate_size: 48 }));
    const script = path.join(root(), "from_hub_cache.py");
    fs.writeFileSync(script, 'from transformers import AutoModel\n\nmodel = AutoModel.from_pretrained("acme/tiny-chat")\n');

    // vocab 300 x 16 embedding, 4 layers of 16->48->16 with biases: what the fixture's modeling code builds.
    const params = 300 * 16 + 4 * (16 * 48 + 48 + 48 * 16 + 16);
    const document = await openFixture("from_hub_cache.py");
    const title = await waitFor("the CodeLens of the cached model", async () => (await codeLensTitles(document.uri)).find((t) => t.includes(`${formatCount(params)} params`)), 60_000);
    const [, lensParams, lensFlops] = title.split(" · ");

    // The CLI on the same file, the same environment and the same cache, with no flag.
    const cli = spawnSync(process.execPath, [path.join(repo, "dist/cli.js"), "analyze", script], { cwd: root(), encoding: "utf8", timeout: 60_000, env: { ...process.env, VIRTUAL_ENV: "" } });
    assert.equal(cli.status, 0, cli.stderr);
    const row = cli.stdout.split("\n").find((line) => line.startsWith("model ") && line.includes("from_hub_cache.py:3"));
    assert.ok(row, cli.stdout);
    assert.ok(row.includes(lensParams.replace(" params", "")), `${lensParams} in the CLI's row '${row}'`);
    assert.ok(row.includes(lensFlops), `${lensFlops} in the CLI's row '${row}'`);
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
    fs.rmSync(script, { force: true });
  });

  test("a package installed into the workspace's .venv while the file is open is read without a reload", async () => {
    await greenlight();
    await setSetting("pythonEnvironment", "");
    fs.rmSync(path.join(root(), ".venv"), { recursive: true, force: true });
    fs.mkdirSync(path.join(root(), ".venv"), { recursive: true });
    fs.writeFileSync(path.join(root(), ".venv/pyvenv.cfg"), "home = /usr/bin\nversion = 3.11.7\n");
    const site = path.join(root(), ".venv/lib/python3.11/site-packages");
    fs.mkdirSync(site, { recursive: true });
    const script = path.join(root(), "installs_later.py");
    fs.writeFileSync(script, "import toylib\n\n# greenlight: input=1x64\nmodel = toylib.create_model('net_small')\n");
    const document = await openFixture("installs_later.py");
    // Analyzed first without the package: the model is shown where it is built, with no figures of its own.
    const before = await waitFor("the CodeLens before the install", async () => (await codeLensTitles(document.uri)).find((t) => t.startsWith("model")), 60_000);
    assert.ok(!before.includes(`${formatCount(paramsFor(40))} params`), before);
    // pip install, as files appearing in site-packages: the watcher on the environment analyzes the file again.
    writeToylib(site, 40);
    await waitFor("the CodeLens after the install", async () => (await codeLensTitles(document.uri)).find((t) => t.includes(`${formatCount(paramsFor(40))} params`)), 60_000);
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
    fs.rmSync(script, { force: true });
  });
});
