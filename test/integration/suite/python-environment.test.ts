// Issue 13: models that installed packages build are analyzed from the workspace's environment, and the CodeLens
// shows the same figures as the CLI. The environments are real folders on disk (a venv and a conda layout) written
// by the test; switching greenlight.pythonEnvironment takes effect without a reload.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import { formatCount } from "../../../src/core/report/format";
import { codeLensTitles, fixtureUri, greenlight, openFixture, setSetting, waitFor } from "./helpers";

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
    const api = await greenlight();
    await setSetting(api, "pythonEnvironment", "");
    for (const folder of [".venv", "other-env"]) fs.rmSync(path.join(root(), folder), { recursive: true, force: true });
  });

  test("a model built by an installed package shows its figures in the CodeLens, and follows greenlight.pythonEnvironment", async () => {
    const api = await greenlight();
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

    await setSetting(api, "pythonEnvironment", "other-env");
    await waitFor("the CodeLens to follow the setting", async () => (await codeLensTitles(document.uri)).find((t) => t.includes(`${formatCount(paramsFor(48))} params`)), 60_000);
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
  });
});
