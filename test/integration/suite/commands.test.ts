// Every contributed command runs without error; the report webview opens and exports; settings take effect.
import * as assert from "assert";
import * as vscode from "vscode";
import { codeLensTitles, exportedBasis, exportReport, greenlight, revertAndClose, inlayHints, lineOf, openFixture, setSetting, settingsInEffect, waitFor } from "./helpers";
import { simpleCnn } from "./reference";

interface Contributes {
  commands: { command: string; title: string; category?: string }[];
  configuration: { properties: Record<string, { default: unknown }> }[];
  keybindings: { command: string; key: string; mac?: string; when?: string }[];
  menus: Record<string, { command: string; when?: string; group?: string }[]>;
}

function contributes(): Contributes {
  const extension = vscode.extensions.getExtension("greenlight.greenlight");
  assert.ok(extension, "installed");
  return extension.packageJSON.contributes as Contributes;
}

/** Runs a command; quick picks, input boxes and notifications it opens are dismissed as a user pressing Escape would. */
async function runDismissingPrompts(command: string, args: unknown[]): Promise<unknown> {
  let settled = false;
  const running = Promise.resolve(vscode.commands.executeCommand(command, ...args)).finally(() => (settled = true));
  for (let attempt = 0; attempt < 50 && !settled; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (settled) break;
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    await vscode.commands.executeCommand("notifications.clearAll");
  }
  return running;
}

/** Arguments that make each command run without a prompt (the interactive paths ask through quick picks). */
async function argumentsFor(command: string, document: vscode.TextDocument): Promise<unknown[]> {
  const uri = document.uri;
  const classLine = lineOf(document, "class SimpleCNN") + 1;
  switch (command) {
    case "greenlight.showReport":
      return [uri, simpleCnn.name];
    case "greenlight.estimateModelAtCursor":
      return [uri, classLine];
    case "greenlight.setInputShape":
      // The same input the pragma already says: the file keeps its meaning for the other tests.
      return [uri, classLine, "1x3x32x32"];
    case "greenlight.selectHardware":
      return [vscode.workspace.getConfiguration("greenlight").get("hardware")];
    case "greenlight.fixAllInFile":
      // On an empty untitled file: the fixtures stay as written for the other tests (fix all is tested apart).
      return [(await vscode.workspace.openTextDocument({ language: "python", content: "" })).uri];
    case "greenlight.selectPrecision":
      return ["fp32"];
    case "greenlight.exportReport":
      return ["json"];
    default:
      return [];
  }
}

suite("commands", () => {
  suiteSetup(async () => {
    await openFixture("simple_cnn.py");
    await greenlight();
  });

  teardown(async () => {
    // Leave user settings as they were for the next test.
    const configuration = vscode.workspace.getConfiguration("greenlight");
    for (const key of ["inlayHints.enabled", "codeLens.enabled", "precision", "hardware", "batchSize", "diagnostics.unresolved"]) {
      if (configuration.inspect(key)?.globalValue !== undefined) await configuration.update(key, undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test("every contributed command is registered, in the Greenlight category", async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command, category } of contributes().commands) {
      assert.ok(registered.has(command), `${command} is registered`);
      assert.strictEqual(category, "Greenlight", `${command} category`);
    }
  });

  test("keyboard shortcuts name contributed commands, are distinct, and apply in Python editors only", async () => {
    const { commands, keybindings } = contributes();
    const known = new Set(commands.map((c) => c.command));
    assert.ok(keybindings.length >= 3, "estimate, report and input shape have shortcuts");
    for (const binding of keybindings) {
      assert.ok(known.has(binding.command), `${binding.command} is a contributed command`);
      assert.match(binding.when ?? "", /editorLangId == python/, `${binding.command} only in Python editors`);
    }
    for (const platform of ["key", "mac"] as const) {
      const keys = keybindings.map((b) => b[platform] ?? b.key);
      assert.strictEqual(new Set(keys).size, keys.length, `distinct ${platform} shortcuts: ${keys.join(", ")}`);
    }
  });

  test("keyboard reach: the models view's Show Report is in each item's context menu, and editor-only commands leave the palette elsewhere", async () => {
    const { commands, menus } = contributes();
    const itemMenu = menus["view/item/context"].filter((entry) => entry.command === "greenlight.models.showReport");
    // An inline button is reached by the mouse only; the context menu (Shift+F10, the Menu key) by the keyboard.
    assert.ok(itemMenu.some((entry) => entry.group === "inline"), JSON.stringify(itemMenu));
    assert.ok(itemMenu.some((entry) => entry.group !== undefined && !entry.group.startsWith("inline")), JSON.stringify(itemMenu));
    // Commands that act on the Python file in the editor are offered in the palette only there.
    const palette = new Map(menus.commandPalette.map((entry) => [entry.command, entry.when]));
    for (const command of ["greenlight.estimateModelAtCursor", "greenlight.fixAllInFile"]) assert.match(palette.get(command) ?? "", /editorLangId == python/, command);
    // Every command has a title a person can read in the palette: words, no internal id.
    for (const { command, title } of commands) assert.match(title, /^[A-Z][\w …-]+$/, `${command}: ${title}`);
  });

  test("every contributed command runs without error", async function () {
    this.timeout(120_000);
    const document = await openFixture("simple_cnn.py");
    const errors: string[] = [];
    for (const { command } of contributes().commands) {
      try {
        await runDismissingPrompts(command, await argumentsFor(command, document));
      } catch (error) {
        errors.push(`${command}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // The export and fix-all's scratch file are Untitled documents: closed unsaved, so they do not pile up.
    for (const opened of vscode.workspace.textDocuments.filter((d) => d.isUntitled && !d.isClosed)) await revertAndClose(opened);
    assert.deepStrictEqual(errors, []);
  });

  test("Show Report opens the report webview, which renders its data", async () => {
    const document = await openFixture("simple_cnn.py");
    const api = await greenlight();
    const shown = await vscode.commands.executeCommand("greenlight.showReport", document.uri, simpleCnn.name);
    assert.strictEqual(shown, simpleCnn.name);
    await waitFor("the webview to draw the model", () => api.reportView()?.model === simpleCnn.name);
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const tab = tabs.find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith("greenlight.report"));
    assert.ok(tab, `a report tab among: ${tabs.map((t) => t.label).join(", ")}`);
    assert.strictEqual(tab.label, `Greenlight: ${simpleCnn.name}`);
  });

  test("the report exports CSV with one row per layer, and JSON with the model", async () => {
    const document = await openFixture("simple_cnn.py");
    await vscode.commands.executeCommand("greenlight.showReport", document.uri, simpleCnn.name);
    const csv = (await exportReport("csv"))!;
    const [header, ...rows] = csv.trim().split("\n");
    assert.strictEqual(header, "path,type,line,params,flops,output,calls,leaf");
    const conv = rows.find((row) => row.startsWith("conv1,"));
    assert.ok(conv, csv);
    assert.strictEqual(Number(conv.split(",")[3]), simpleCnn.conv1Params);
    const json = JSON.parse((await exportReport("json"))!);
    assert.strictEqual(json.model.name, simpleCnn.name);
    assert.strictEqual(json.model.params, simpleCnn.params);
    const markdown = (await exportReport("markdown"))!;
    assert.ok(markdown.startsWith(`# ${simpleCnn.name}`), markdown.slice(0, 80));
    const untitled = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === "untitled");
    assert.deepStrictEqual(untitled.map((tab) => tab.label), [], "the exports were closed, not left open unsaved");
  });

  test("Estimate Model at Cursor reports the model's figures", async () => {
    const document = await openFixture("simple_cnn.py");
    const line = lineOf(document, "self.conv1 =") + 1;
    const estimate = await vscode.commands.executeCommand<{ name: string; params: number; flops: number }>("greenlight.estimateModelAtCursor", document.uri, line);
    assert.strictEqual(estimate.name, simpleCnn.name);
    assert.strictEqual(estimate.params, simpleCnn.params);
    assert.strictEqual(estimate.flops, simpleCnn.flops);
  });

  test("Select Precision and Select Hardware write the settings", async () => {
    await greenlight();
    assert.strictEqual(await vscode.commands.executeCommand("greenlight.selectPrecision", "bf16"), "bf16");
    assert.strictEqual(vscode.workspace.getConfiguration("greenlight").get("precision"), "bf16");
    // The figures follow: the report's energy is made for what was selected.
    await waitFor("bf16 in the report's figures", async () => (await settingsInEffect()).precision === "bf16");
    assert.strictEqual(await vscode.commands.executeCommand("greenlight.selectHardware", "a100-sxm"), "a100-sxm");
    await waitFor("a100-sxm in the report's figures", async () => (await settingsInEffect()).hardware === "a100-sxm");
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand("greenlight.selectHardware", "no-such-gpu")), "an unknown profile is refused");
    assert.strictEqual(vscode.workspace.getConfiguration("greenlight").get("hardware"), "a100-sxm");
    assert.strictEqual((await exportedBasis()).hardware, "a100-sxm");
  });

  test("turning inlay hints and CodeLens off takes effect without a reload", async () => {
    const document = await openFixture("simple_cnn.py");
    await greenlight();
    assert.ok((await inlayHints(document)).length > 0, "hints on by default");
    await setSetting("inlayHints.enabled", false);
    await waitFor("no inlay hints", async () => (await inlayHints(document)).length === 0);
    await setSetting("codeLens.enabled", false);
    await waitFor("no CodeLens", async () => (await codeLensTitles(document.uri)).length === 0);
    await setSetting("inlayHints.enabled", true);
    await setSetting("codeLens.enabled", true);
    await waitFor("hints back", async () => (await inlayHints(document)).length > 0);
    await waitFor("CodeLens back", async () => (await codeLensTitles(document.uri)).length > 0);
  });

  test("a bad setting value falls back to its default", async () => {
    await greenlight();
    const defaults = Object.assign({}, ...contributes().configuration.map((section) => section.properties)) as Record<string, { default: unknown }>;
    // Each bad value is set after a good one that differs from the default, so only the fallback can bring it back.
    await setSetting("batchSize", 8);
    await waitFor("batch 8 in the figures", async () => (await settingsInEffect()).batch === 8);
    await setSetting("batchSize", -4);
    await waitFor("the fallback", async () => (await settingsInEffect()).batch === defaults["greenlight.batchSize"].default);
    await setSetting("precision", "bf16");
    await waitFor("bf16 in the figures", async () => (await settingsInEffect()).precision === "bf16");
    await setSetting("precision", "fp7");
    // simple_cnn is an fp32 model: with no valid precision chosen, its figures are made at the default, fp32.
    await waitFor("the fallback", async () => (await settingsInEffect()).precision === defaults["greenlight.precision"].default);
    // A well-formed name that is no hardware profile falls back too.
    await setSetting("hardware", "a100-sxm");
    await waitFor("a100-sxm in the figures", async () => (await settingsInEffect()).hardware === "a100-sxm");
    await setSetting("hardware", "no-such-gpu");
    await waitFor("the fallback", async () => (await settingsInEffect()).hardware === defaults["greenlight.hardware"].default);
  });

  test("the walkthrough is contributed and opens, and its sample model gets a CodeLens", async () => {
    const walkthroughs = (vscode.extensions.getExtension("greenlight.greenlight")!.packageJSON.contributes.walkthroughs ?? []) as { id: string; steps: unknown[] }[];
    assert.strictEqual(walkthroughs[0]?.id, "gettingStarted");
    assert.ok(walkthroughs[0].steps.length >= 3);
    await vscode.commands.executeCommand("workbench.action.openWalkthrough", "greenlight.greenlight#gettingStarted", false);
    const uri = vscode.Uri.parse(await vscode.commands.executeCommand<string>("greenlight.openSample"));
    const title = await waitFor("the sample's CodeLens", async () => (await codeLensTitles(uri))[0]);
    assert.ok(title.startsWith("TinyNet · "), title);
    assert.ok(!title.includes("incomplete"), title);
    // Read-only: never dirty (closing asks nothing) and no edit applies.
    const sample = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(uri.scheme, "greenlight");
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), "# edited\n");
    const applied = await vscode.workspace.applyEdit(edit);
    assert.strictEqual(sample.isDirty, false, `applied ${applied}, dirty ${sample.isDirty}, text starts ${JSON.stringify(sample.getText().slice(0, 12))}`);
  });

  test("the grid forecast opens as a read-only document", async () => {
    await vscode.commands.executeCommand("greenlight.grid.showForecast");
    // The same region's forecast reuses its document (an earlier test may have opened it).
    const forecast = await waitFor("the forecast document", () => vscode.workspace.textDocuments.find((d) => d.uri.path.startsWith("/Grid forecast")));
    assert.strictEqual(forecast.uri.scheme, "greenlight");
    assert.strictEqual(forecast.isUntitled, false);
    assert.match(forecast.getText(), /gCO2e\/kWh/);
  });

  test("Analyze Workspace analyzes every fixture and reports to Problems", async function () {
    this.timeout(120_000);
    const summary = await vscode.commands.executeCommand<{ files: number; models: number; failed: number }>("greenlight.analyzeWorkspace");
    const files = await vscode.workspace.findFiles("**/*.py");
    assert.strictEqual(summary.files, files.length, "every .py file analyzed");
    assert.strictEqual(summary.failed, 0);
    assert.ok(summary.models >= 3, `models found: ${summary.models}`);
    // The Explorer's Greenlight view lists them (and any open non-file document's models, like the sample).
    const api = await greenlight();
    assert.ok(api.listedModels() >= summary.models, `listed ${api.listedModels()} of ${summary.models}`);
    const view = vscode.extensions.getExtension("greenlight.greenlight")!.packageJSON.contributes.views.explorer as { id: string }[];
    assert.ok(view.some((v) => v.id === "greenlight.models"));
  });
});
