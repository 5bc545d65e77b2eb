// Issue 21: settings are honoured at every level VS Code allows. A hardware or precision chosen with Select
// Hardware / Select Precision (the status bar item's click) while the Workspace settings set that key went into the
// User settings, which the Workspace's override: the pick changed nothing and nobody was told. It now goes where it
// takes effect, and the figures follow without a reload.
import * as assert from "assert";
import * as vscode from "vscode";
import { closeSavedEditors, greenlight, settingsInEffect, waitFor } from "./helpers";

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
});
