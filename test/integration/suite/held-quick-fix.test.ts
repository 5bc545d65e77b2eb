// Issue 4, the case a client meets when it holds a quick fix while the user types: the action is offered for one
// version and resolved on a later one. VS Code's executeCodeActionProvider offers and resolves in one go, so this
// drives GreenlightCodeActionProvider itself, over its own AnalysisEngine (the real parser, analyzer and rules) on a
// real document; the diagnostics handed in are the extension's own.
// It loads web-tree-sitter itself, so the suite bundle must define import.meta.url as the extension's bundles do
// (tools/vscode-test/bundle-suite.mjs); then it runs in both hosts.
import * as assert from "assert";
import * as vscode from "vscode";
import { AnalysisEngine } from "../../../src/vscode/analysis-engine";
import { GreenlightCodeActionProvider, PinInputAction, RuleFixAction } from "../../../src/vscode/code-actions";
import { loadPythonParser } from "../../../src/vscode/parser-loader";
import { SettingsStore } from "../../../src/vscode/settings";
import { StatusBar } from "../../../src/vscode/status-bar";
import { WorkspaceMirror } from "../../../src/vscode/workspace-mirror";
import { EXTENSION_ID, greenlight, greenlightDiagnostics, revertAndClose, waitFor } from "./helpers";
import { GL004, gl004Diagnostics, openCopyOfConvBn, openUntitled, PARTLY_RESOLVED, withEdits } from "./quick-fix-resolve.test";

suite("a quick fix held while the document changes", () => {
  let engine: AnalysisEngine;
  let provider: GreenlightCodeActionProvider;
  const logged: string[] = [];
  const disposables: vscode.Disposable[] = [];
  const cancellation = new vscode.CancellationTokenSource();

  suiteSetup(async () => {
    await greenlight();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const log = vscode.window.createOutputChannel("Greenlight held-fix test", { log: true });
    // The engine reads the user's settings as the extension's does: through its own store of the same configuration.
    const store = new SettingsStore(log);
    const status = new StatusBar();
    const mirror = new WorkspaceMirror(log, status, () => store.values);
    engine = new AnalysisEngine(await loadPythonParser(extension.extensionUri), mirror, () => store.values, log);
    provider = new GreenlightCodeActionProvider(engine, { info: (message: string) => void logged.push(message) });
    disposables.push(log, store, status, mirror, engine, cancellation);
  });

  suiteTeardown(() => {
    for (const disposable of disposables) disposable.dispose();
  });

  /** The lazy GL004 actions offered for this diagnostic on the document's current version. */
  async function offered(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<RuleFixAction[]> {
    const analysis = await engine.analyze(document);
    assert.strictEqual(analysis?.version, document.version, "the test engine analyzed the current version");
    const context: vscode.CodeActionContext = { diagnostics: [diagnostic], triggerKind: vscode.CodeActionTriggerKind.Invoke, only: undefined };
    const actions = (await provider.provideCodeActions(document, diagnostic.range, context, cancellation.token)).filter((a): a is RuleFixAction => a instanceof RuleFixAction);
    assert.ok(actions.length > 0, "a GL004 fix is offered");
    for (const action of actions) assert.strictEqual(action.edit, undefined, "offered without its edit");
    return actions;
  }

  test("offered on one version, resolved after lines were inserted above: the fix lands on the moved code", async () => {
    const document = await openCopyOfConvBn();
    try {
      const [first] = await gl004Diagnostics(document.uri, 2);
      const line = first.range.start.line;
      const [action] = await offered(document, first);
      const offeredOn = document.version;

      // What the fix makes of this version is the reference: the same change is expected two lines lower.
      const [reference] = await offered(document, first);
      await provider.resolveCodeAction(reference, cancellation.token);
      const inserted = "# added\n# lines\n";
      const expected = inserted + withEdits(document, reference.edit!.get(document.uri));

      const insert = new vscode.WorkspaceEdit();
      insert.insert(document.uri, new vscode.Position(0, 0), inserted);
      assert.ok(await vscode.workspace.applyEdit(insert));
      assert.ok(document.version > offeredOn);

      // Resolved now (the engine has not analyzed the new version yet: resolve waits for it).
      const resolved = await provider.resolveCodeAction(action, cancellation.token);
      assert.ok(resolved.edit, `resolved with an edit (log: ${logged.join(" | ")})`);
      assert.deepStrictEqual([...new Set(resolved.edit.get(document.uri).map((edit) => edit.range.start.line))], [line + 2]);
      assert.ok(await vscode.workspace.applyEdit(resolved.edit));
      assert.strictEqual(document.getText(), expected);
    } finally {
      await revertAndClose(document);
    }
  });

  test("offered on one version, its finding gone by the time it is resolved: no edit, and the log says why", async () => {
    const document = await openCopyOfConvBn();
    try {
      const [first] = await gl004Diagnostics(document.uri, 2);
      const [action] = await offered(document, first);

      // The user fixes that conv by hand before the held action is resolved.
      const byHand = new vscode.WorkspaceEdit();
      byHand.replace(document.uri, first.range, document.getText(first.range).replace(/\)$/, ", bias=False)"));
      assert.ok(await vscode.workspace.applyEdit(byHand));
      const typed = document.getText();

      const before = logged.length;
      const resolved = await provider.resolveCodeAction(action, cancellation.token);
      assert.strictEqual(resolved.edit, undefined, "no edit for a finding that is gone");
      const reason = logged.slice(before).join(" | ");
      assert.ok(reason.includes(GL004) && reason.includes("no longer"), `logged: ${reason}`);
      assert.strictEqual(document.getText(), typed, "nothing was applied");
      await vscode.commands.executeCommand("notifications.clearAll");
    } finally {
      await revertAndClose(document);
    }
  });

  test("an input pin held while the model became complete: no edit, and the log says why", async () => {
    const document = await openUntitled("held_pin", PARTLY_RESOLVED);
    try {
      const noteLine = PARTLY_RESOLVED.split("\n").findIndex((text) => text.includes("mystery.op"));
      const hint = await waitFor("the unresolved-model hint", () => greenlightDiagnostics(document.uri).find((d) => d.code === "unresolved" && d.range.start.line === noteLine));
      const analysis = await engine.analyze(document);
      assert.strictEqual(analysis?.version, document.version);
      const context: vscode.CodeActionContext = { diagnostics: [hint], triggerKind: vscode.CodeActionTriggerKind.Invoke, only: undefined };
      const [pin] = (await provider.provideCodeActions(document, hint.range, context, cancellation.token)).filter((a): a is PinInputAction => a instanceof PinInputAction);
      assert.ok(pin && pin.edit === undefined, "a pin is offered without its edit");

      // The user drops the call the analyzer could not follow: the model is complete, there is nothing to pin.
      const call = document.lineAt(noteLine).text;
      const byHand = new vscode.WorkspaceEdit();
      byHand.replace(document.uri, document.lineAt(noteLine).range, call.replace(/mystery\.op\((.*)\)$/, "$1"));
      assert.ok(await vscode.workspace.applyEdit(byHand));
      const typed = document.getText();
      assert.notStrictEqual(document.lineAt(noteLine).text, call, "the call was removed");

      const before = logged.length;
      const resolved = await provider.resolveCodeAction(pin, cancellation.token);
      assert.strictEqual(resolved.edit, undefined, "no edit for a model that is no longer partly resolved");
      const reason = logged.slice(before).join(" | ");
      assert.ok(reason.includes("no longer a partly resolved model"), `logged: ${reason}`);
      assert.strictEqual(document.getText(), typed, "nothing was applied");
      await vscode.commands.executeCommand("notifications.clearAll");
    } finally {
      await revertAndClose(document);
    }
  });
});
