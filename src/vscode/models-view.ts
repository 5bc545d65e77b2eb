import * as vscode from "vscode";
import type { ModelReport } from "../core/report/model-report";
import { formatCount, formatFlops } from "../core/report/format";

/** A file with models, or one model of it. */
export type ModelsViewNode = { kind: "file"; uri: vscode.Uri; models: ModelReport[] } | { kind: "model"; uri: vscode.Uri; model: ModelReport };

/**
 * The Greenlight view in the Explorer: the workspace's models by file with their parameters and FLOPs, from the
 * analyses of open documents and from Analyze Workspace (which used to write this list to the Output panel only).
 * A click opens the model's line; the inline action opens its report.
 */
export class ModelsView implements vscode.TreeDataProvider<ModelsViewNode>, vscode.Disposable {
  private readonly files = new Map<string, { uri: vscode.Uri; models: ModelReport[] }>();
  private readonly changed = new vscode.EventEmitter<ModelsViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** Replaces what is known of one file (no models: the file leaves the view). */
  update(uri: vscode.Uri, models: readonly ModelReport[]): void {
    const own = models.filter((model) => model.file === uri.path).sort((a, b) => a.line - b.line);
    const key = uri.toString();
    const known = this.files.get(key);
    if (own.length === 0) {
      if (!known) return;
      this.files.delete(key);
    } else if (known && sameFigures(known.models, own)) {
      return;
    } else {
      this.files.set(key, { uri, models: own });
    }
    this.changed.fire(undefined);
  }

  /** How many models the view lists (for tests and the view's message). */
  get modelCount(): number {
    let count = 0;
    for (const file of this.files.values()) count += file.models.length;
    return count;
  }

  getChildren(node?: ModelsViewNode): ModelsViewNode[] {
    if (!node) {
      return [...this.files.values()]
        .sort((a, b) => a.uri.path.localeCompare(b.uri.path))
        .map((file) => ({ kind: "file", uri: file.uri, models: file.models }));
    }
    return node.kind === "file" ? node.models.map((model) => ({ kind: "model", uri: node.uri, model })) : [];
  }

  getTreeItem(node: ModelsViewNode): vscode.TreeItem {
    if (node.kind === "file") {
      const item = new vscode.TreeItem(vscode.workspace.asRelativePath(node.uri), vscode.TreeItemCollapsibleState.Expanded);
      item.resourceUri = node.uri;
      item.description = `${node.models.length} model${node.models.length === 1 ? "" : "s"}`;
      item.iconPath = vscode.ThemeIcon.File;
      item.accessibilityInformation = { label: `${vscode.workspace.asRelativePath(node.uri)}, ${item.description}` };
      return item;
    }
    const { model } = node;
    const item = new vscode.TreeItem(model.name, vscode.TreeItemCollapsibleState.None);
    item.description = `${formatCount(model.params)} params · ${formatFlops(model.flops)}${model.complete ? "" : " · partial"}`;
    item.tooltip = new vscode.MarkdownString(
      `**${model.name}** (line ${model.line})\n\n${formatCount(model.params)} parameters, ${formatFlops(model.flops)} per forward at input ${model.inputs.map((i) => i.shape.join("×")).join(", ") || "none"}${model.complete ? "" : `\n\nPartly resolved: ${model.unresolved.length} gap(s)`}`,
    );
    item.iconPath = new vscode.ThemeIcon(model.complete ? "symbol-class" : "warning");
    // Screen readers read the label and description as written ("407 k params · 4.88 GFLOPs"): say it in words.
    item.accessibilityInformation = {
      label: `${model.name}, line ${model.line}: ${formatCount(model.params)} parameters, ${formatFlops(model.flops)} per forward pass${model.complete ? "" : ", partly resolved"}`,
    };
    item.contextValue = "greenlight.model";
    const line = Math.max(0, model.line - 1);
    item.command = { command: "vscode.open", title: "Open", arguments: [node.uri, { selection: new vscode.Range(line, 0, line, 0) }] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Whether two lists show the same figures (no redraw on a re-analysis that changed nothing the view shows). */
function sameFigures(a: readonly ModelReport[], b: readonly ModelReport[]): boolean {
  return a.length === b.length && a.every((m, i) => m.name === b[i].name && m.line === b[i].line && m.params === b[i].params && m.flops === b[i].flops && m.complete === b[i].complete);
}
