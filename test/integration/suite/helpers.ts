// Helpers for the integration tests: they go through the real VS Code API only (commands, providers, documents).
import * as vscode from "vscode";
import { TEST_PROBES_COMMAND, type TestProbes } from "../../../src/vscode/test-probes";
import { simpleCnn } from "./reference";

export const EXTENSION_ID = "greenlight.greenlight";

/** The URI of a file of the test workspace (a fresh copy of test/fixtures/integration). */
export function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("the test workspace is not open");
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split("/"));
}

/** Opens a fixture in an editor and returns its document. */
/** Drops a document's unsaved edits and closes its editor (shown first: the active editor may be another one, a report). */
export async function revertAndClose(document: vscode.TextDocument): Promise<void> {
  if (document.isClosed) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
}

export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * The extension's test probes (the state no VS Code API shows: the report page, the Explorer view, the index), after
 * activation and parser load. The extension exports no API: the probes are a command VS Code's test mode registers.
 */
export async function greenlight(): Promise<TestProbes> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  await extension.activate();
  const probes = await vscode.commands.executeCommand<TestProbes | undefined>(TEST_PROBES_COMMAND);
  if (!probes) throw new Error(`${TEST_PROBES_COMMAND} returned nothing: the extension is not running in VS Code's test mode`);
  await probes.ready();
  return probes;
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** CodeLens titles of a document, through vscode.executeCodeLensProvider (resolved). */
export async function codeLensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", uri, 100)) ?? [];
  return lenses.filter((lens) => lens.command?.command === "greenlight.showReport").map((lens) => lens.command!.title);
}

/** Greenlight's CodeLenses of a document. */
export async function codeLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", uri, 100)) ?? [];
  return lenses.filter((lens) => lens.command?.command === "greenlight.showReport");
}

/** Hover texts at a position, through vscode.executeHoverProvider. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === "string" ? content : content.value))
    .join("\n");
}

/** Inlay hints of a whole document as (0-based line, label) pairs. */
export async function inlayHints(document: vscode.TextDocument): Promise<{ line: number; label: string }[]> {
  const range = new vscode.Range(0, 0, document.lineCount, 0);
  const hints = (await vscode.commands.executeCommand<vscode.InlayHint[]>("vscode.executeInlayHintProvider", document.uri, range)) ?? [];
  return hints.map((hint) => ({
    line: hint.position.line,
    label: typeof hint.label === "string" ? hint.label : hint.label.map((part) => part.value).join(""),
  }));
}

/** The 0-based line of the first line of a document containing `text`. */
export function lineOf(document: vscode.TextDocument, text: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.includes(text)) return line;
  throw new Error(`'${text}' is not in ${document.uri.path}`);
}

/** Greenlight's diagnostics of a document. */
export function greenlightDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === "Greenlight");
}

/** Sets a `greenlight.*` user setting and waits until the configuration holds it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration("greenlight").update(key, value, vscode.ConfigurationTarget.Global);
  await waitFor(`greenlight.${key} to apply`, () => {
    const configured = vscode.workspace.getConfiguration("greenlight").inspect(key)?.globalValue;
    return JSON.stringify(configured) === JSON.stringify(value);
  });
}

/**
 * Greenlight: Export Report as a user runs it, returning the exported text; the Untitled document the export opens
 * is then closed unsaved, so repeated exports do not pile up dirty editors (which closeSavedEditors cannot close).
 */
export async function exportReport(format: "json" | "csv" | "markdown"): Promise<string | undefined> {
  const text = await vscode.commands.executeCommand<string | undefined>("greenlight.exportReport", format);
  if (text === undefined) return undefined;
  const exported = vscode.workspace.textDocuments.filter((document) => document.isUntitled && !document.isClosed && document.getText() === text);
  for (const document of exported) await revertAndClose(document);
  return text;
}

/** The model the open report shows (undefined when no report is open), as its JSON export (Export Report) states it. */
export async function reportedModel(): Promise<{ name: string; params: number; flops: number } | undefined> {
  const open = vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith("greenlight.report"));
  if (!open) return undefined;
  const text = await exportReport("json");
  if (text === undefined) return undefined;
  const { model } = JSON.parse(text) as { model: { name: string; params: number; flops: number } };
  return { name: model.name, params: model.params, flops: model.flops };
}

/** What the open report's energy figures are made for, as its JSON export (Greenlight: Export Report) states it. */
export async function exportedBasis(): Promise<{ hardware: string; batch: number; precision: string }> {
  const json = JSON.parse((await exportReport("json")) ?? "{}") as { energy: { hardware: string; batch: number; precision: string } | null };
  if (!json.energy) throw new Error("the exported report has no energy figures");
  return { hardware: json.energy.hardware, batch: json.energy.batch, precision: json.energy.precision };
}

/** The hardware, batch and precision the extension's figures use now (bad setting values already replaced by their
 *  defaults), read from the report of the fp32 fixture model as a user would export it. */
export async function settingsInEffect(): Promise<{ hardware: string; batch: number; precision: string }> {
  const document = await openFixture("simple_cnn.py");
  await vscode.commands.executeCommand("greenlight.showReport", document.uri, simpleCnn.name);
  return exportedBasis();
}

/** Closes every editor that has no unsaved changes (closing a dirty one would ask in a modal dialog). */
export async function closeSavedEditors(): Promise<void> {
  const saved = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => !tab.isDirty);
  await vscode.window.tabGroups.close(saved);
}

/** Opens the fixture notebook (a CNN spread over cells) in the notebook editor. */
export async function openNotebook(): Promise<vscode.NotebookDocument> {
  const notebook = await vscode.workspace.openNotebookDocument(fixtureUri("spread_cnn.ipynb"));
  await vscode.window.showNotebookDocument(notebook, { preview: false });
  return notebook;
}
