import * as vscode from "vscode";

/** The scheme of documents Greenlight writes for the user to read (the forecast, the walkthrough's sample). */
export const READ_ONLY_SCHEME = "greenlight";

/**
 * Read-only documents served from memory: unlike untitled documents they are never dirty, so closing them asks
 * nothing, and they cannot be edited by mistake. A path shown again gets its new text (the forecast refreshes).
 */
export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(READ_ONLY_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? "";
  }

  /** Puts `text` at `path` (like `/Grid forecast.md`; the extension picks the language) and returns its URI. */
  async open(path: string, text: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: READ_ONLY_SCHEME, path });
    const known = this.texts.has(path);
    this.texts.set(path, text);
    if (known) this.changed.fire(uri);
    return vscode.workspace.openTextDocument(uri);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
