// Screenshots of the workbench for people to look at (dark and light theme): an editor with CodeLens, shape hints
// and the status bar, and the report view. Saved by the harness into .screenshots/; skipped under other runners.
import * as assert from "assert";
import * as vscode from "vscode";
import { existsSync } from "fs";
import * as path from "path";
import { closeSavedEditors, codeLensTitles, greenlight, inlayHints, openFixture, openNotebook, reportedModel, waitFor } from "./helpers";
import { simpleCnn } from "./reference";

/** Asks the harness for a screenshot and waits until it is written (see tools/vscode-test/README.md). */
async function screenshot(name: string): Promise<void> {
  const acks = process.env.GREENLIGHT_HARNESS_ACK_DIR;
  if (!acks) return;
  // Let the workbench paint CodeLens, hints and the webview before the picture is taken.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  console.log(`GREENLIGHT-SCREENSHOT ${name}`);
  await waitFor(`screenshot ${name}`, () => existsSync(path.join(acks, `${name}.done`)), 30_000);
}

suite("screenshots", () => {
  const themes: [string, string][] = [
    ["dark", "Default Dark Modern"],
    ["light", "Default Light Modern"],
  ];

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration("workbench").update("colorTheme", undefined, vscode.ConfigurationTarget.Global);
  });

  for (const [name, theme] of themes) {
    test(`editor and report in the ${name} theme`, async function () {
      this.timeout(120_000);
      await vscode.workspace.getConfiguration("workbench").update("colorTheme", theme, vscode.ConfigurationTarget.Global);
      await closeSavedEditors();
      // Give the editor and the report the whole window: no panel, no secondary side bar.
      await vscode.commands.executeCommand("workbench.action.closePanel");
      await vscode.commands.executeCommand("workbench.action.closeAuxiliaryBar");
      const document = await openFixture("simple_cnn.py");
      await greenlight();
      await waitFor("CodeLens", async () => (await codeLensTitles(document.uri)).length > 0);
      assert.ok((await inlayHints(document)).length > 0, "hints to show");
      await screenshot(`editor-${name}`);
      const api = await greenlight();
      await vscode.commands.executeCommand("greenlight.showReport", document.uri, simpleCnn.name);
      await waitFor("the report to draw", () => api.reportView()?.model === simpleCnn.name);
      await screenshot(`report-${name}`);
      // A real transformer's report: grouped charts and the module tree, in one screen.
      const gpt = await openFixture("gpt_small.py");
      await vscode.commands.executeCommand("greenlight.showReport", gpt.uri, "GPTSmall");
      await waitFor("the GPT's report", async () => (await reportedModel())?.name === "GPTSmall" && api.reportView());
      // reportedModel() reads the report through Export Report, which opens the JSON beside it: bring the report back.
      await vscode.commands.executeCommand("greenlight.showReport", gpt.uri, "GPTSmall");
      await waitFor("the GPT's report in front", () => api.reportView()?.model === "GPTSmall");
      await screenshot(`report-gpt-${name}`);
      await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview));
      assert.strictEqual(vscode.workspace.getConfiguration("workbench").get("colorTheme"), theme);
    });
  }

  test("a notebook in the notebook editor (dark theme)", async function () {
    this.timeout(120_000);
    await vscode.workspace.getConfiguration("workbench").update("colorTheme", "Default Dark Modern", vscode.ConfigurationTarget.Global);
    await closeSavedEditors();
    await vscode.commands.executeCommand("workbench.action.closePanel");
    await vscode.commands.executeCommand("workbench.action.closeAuxiliaryBar");
    const notebook = await openNotebook();
    await greenlight();
    const modelCell = notebook.getCells().find((cell) => cell.document.getText().includes("class Net"))!;
    await waitFor("the CodeLens in the model's cell", async () => (await codeLensTitles(modelCell.document.uri)).length > 0);
    await waitFor("diagnostics in the cells", () => notebook.getCells().some((cell) => vscode.languages.getDiagnostics(cell.document.uri).length > 0));
    await screenshot("notebook-dark");
  });
});
