// Helpers for the integration tests: they go through the real VS Code API only (commands, providers, documents).
import * as vscode from "vscode";
import type { GreenlightApi } from "../../../src/vscode/activate";

export const EXTENSION_ID = "greenlight.greenlight";

/** The URI of a file of the test workspace (a fresh copy of test/fixtures/integration). */
export function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("the test workspace is not open");
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split("/"));
}

/** Opens a fixture in an editor and returns its document. */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** The extension's API after activation and parser load. */
export async function greenlight(): Promise<GreenlightApi> {
  const extension = vscode.extensions.getExtension<GreenlightApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  await api.ready();
  return api;
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

/** Sets a `greenlight.*` user setting and waits until the extension sees it. */
export async function setSetting(api: GreenlightApi, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration("greenlight").update(key, value, vscode.ConfigurationTarget.Global);
  await waitFor(`greenlight.${key} to apply`, () => {
    const configured = vscode.workspace.getConfiguration("greenlight").inspect(key)?.globalValue;
    return JSON.stringify(configured) === JSON.stringify(value) && api.settings() !== undefined;
  });
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
