// Issue 21: settings are honoured at every level VS Code allows. A hardware or precision chosen with Select
// Hardware / Select Precision (the status bar item's click) while the Workspace settings set that key went into the
// User settings, which the Workspace's override: the pick changed nothing and nobody was told. It now goes where it
// takes effect, and the figures follow without a reload.
import * as assert from "assert";
import * as vscode from "vscode";
import { closeSavedEditors, greenlight, openFixture, settingsInEffect, waitFor } from "./helpers";

const KEYS = ["hardware", "precision"];

suite("settings at the Workspace level", () => {
  teardown(async () => {
    const configuration = vscode.workspace.getConfiguration("greenlight");
    for (const key of KEYS) {
      const inspected = configuration.inspect(key);
      if (inspected?.workspaceValue !== undefined) await configuration.update(key, undefined, vscode.ConfigurationTarget.Workspace);
      if (inspected?.globalValue !== undefined) await configuration.update(key, undefined, vscode.ConfigurationTarget.Global);
    }
    await closeSavedEditors();
  });

  test("a workspace sets the hardware: the report uses it, and Select Hardware changes it there, not in hidden User settings", async function () {
    this.timeout(90_000);
    await greenlight();
    const configuration = () => vscode.workspace.getConfiguration("greenlight");
    await configuration().update("hardware", "a100-sxm", vscode.ConfigurationTarget.Workspace);
    await waitFor("the Workspace's a100-sxm in the report's figures", async () => (await settingsInEffect()).hardware === "a100-sxm");
    assert.strictEqual(await vscode.commands.executeCommand("greenlight.selectHardware", "l4"), "l4");
    await waitFor("the chosen l4 in the report's figures", async () => (await settingsInEffect()).hardware === "l4");
    const hardware = configuration().inspect("hardware");
    assert.strictEqual(hardware?.workspaceValue, "l4", JSON.stringify(hardware));
    assert.strictEqual(hardware?.globalValue, undefined, "nothing written where the Workspace overrides it");
  });

  test("Select Precision with no Workspace value writes the User settings, and the Workspace's when it has one", async function () {
    this.timeout(90_000);
    await greenlight();
    const configuration = () => vscode.workspace.getConfiguration("greenlight");
    assert.strictEqual(await vscode.commands.executeCommand("greenlight.selectPrecision", "fp16"), "fp16");
    assert.strictEqual(configuration().inspect("precision")?.globalValue, "fp16");
    await configuration().update("precision", "fp32", vscode.ConfigurationTarget.Workspace);
    assert.strictEqual(await vscode.commands.executeCommand("greenlight.selectPrecision", "bf16"), "bf16");
    await waitFor("bf16 in the report's figures", async () => (await settingsInEffect()).precision === "bf16");
    const precision = configuration().inspect("precision");
    assert.strictEqual(precision?.workspaceValue, "bf16", JSON.stringify(precision));
    assert.strictEqual(precision?.globalValue, "fp16", "the User value stays as the user left it");
  });

  test("the status bar says which level the hardware comes from, and a User change the Workspace overrides is explained", async function () {
    this.timeout(90_000);
    const probes = await greenlight();
    const configuration = () => vscode.workspace.getConfiguration("greenlight");
    await openFixture("simple_cnn.py");
    await configuration().update("hardware", "l4", vscode.ConfigurationTarget.Global);
    await configuration().update("hardware", "a100-sxm", vscode.ConfigurationTarget.Workspace);
    const shown = await waitFor("the target item to name the Workspace's a100-sxm", () => {
      const target = probes.targetStatus();
      return target.visible && target.text.includes("a100-sxm") ? target : undefined;
    });
    assert.match(shown.tooltip, /hardware: from the Workspace settings \(overrides your User (or Remote )?settings \(l4\): the Workspace settings set a100-sxm, which wins here\)/, shown.tooltip);
    // The user now changes the User value: it cannot apply here, and Greenlight says why instead of seeming to ignore it.
    await configuration().update("hardware", "b200", vscode.ConfigurationTarget.Global);
    const notice = await waitFor("a notice that the User change is overridden", () => probes.settingNotices().find((line) => line.includes("(b200)")));
    assert.match(notice, /^greenlight\.hardware in your User (or Remote )?settings \(b200\): the Workspace settings set a100-sxm, which wins here; your change does not apply in this workspace$/, notice);
    assert.strictEqual((await settingsInEffect()).hardware, "a100-sxm", "the figures keep the Workspace's hardware");
  });

  test("the figures of a document use its folder's resource-scoped settings (hardware read for the document, not the window)", async function () {
    this.timeout(90_000);
    await greenlight();
    const document = await openFixture("simple_cnn.py");
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    assert.ok(folder, "the fixture is in the workspace folder");
    await vscode.workspace.getConfiguration("greenlight", folder.uri).update("hardware", "l40s", vscode.ConfigurationTarget.WorkspaceFolder);
    assert.strictEqual(vscode.workspace.getConfiguration("greenlight", document.uri).inspect("hardware")?.workspaceFolderValue, "l40s");
    await waitFor("the folder's l40s in the report's figures", async () => (await settingsInEffect()).hardware === "l40s");
  });
});
