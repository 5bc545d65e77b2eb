import * as vscode from "vscode";
import type { AnalysisEngine } from "./analysis-engine";
import type { SettingsStore } from "./settings";
import { formatShape } from "../core/report/format";
import { shapesByLine } from "./model-lookup";

/** `→ [1, 64, 56, 56]` at the end of each forward line: the last tensor that line produced. */
export class ShapeInlayHintsProvider implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly engine: AnalysisEngine,
    private readonly store: SettingsStore,
  ) {
    this.subscriptions = [engine.onDidAnalyze(() => this.changed.fire()), store.onDidChange(() => this.changed.fire())];
  }

  async provideInlayHints(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    if (!this.store.valuesFor(document.uri)["inlayHints.enabled"]) return [];
    const analysis = await this.engine.analyze(document, token);
    if (!analysis || analysis.version !== document.version) return [];
    const hints: vscode.InlayHint[] = [];
    for (const [line, shape] of shapesByLine(analysis.result, document.uri.path)) {
      const index = line - 1;
      if (index < range.start.line || index > range.end.line || index >= document.lineCount) continue;
      const hint = new vscode.InlayHint(document.lineAt(index).range.end, `→ ${formatShape(shape)}`, vscode.InlayHintKind.Type);
      hint.paddingLeft = true;
      hint.tooltip = "Output shape of this line (Greenlight, from the model's input shape)";
      hints.push(hint);
    }
    return hints.sort((a, b) => a.position.line - b.position.line);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
