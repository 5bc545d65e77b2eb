import * as vscode from "vscode";
import type { AnalysisResult } from "../core/analysis-result";
import type { AnalysisEngine } from "./analysis-engine";
import type { SettingsStore } from "./settings";

/**
 * What every Greenlight CodeLens provider shares: lenses only while `greenlight.codeLens.enabled`, drawn from the
 * analysis of the document's current version, and redrawn when an analysis lands, a setting changes or the grid
 * reading changes. Subclasses say which lenses an analysis gives.
 */
export abstract class AnalysisLensProvider<T extends vscode.CodeLens> implements vscode.CodeLensProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    protected readonly engine: AnalysisEngine,
    protected readonly store: SettingsStore,
    onDidChangeGrid: vscode.Event<void>,
  ) {
    this.subscriptions = [engine.onDidAnalyze(() => this.changed.fire()), store.onDidChange(() => this.changed.fire()), onDidChangeGrid(() => this.changed.fire())];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<T[]> {
    if (!this.store.valuesFor(document.uri)["codeLens.enabled"]) return [];
    const analysis = await this.engine.analyze(document, token);
    // A stale analysis (the document changed meanwhile) would put figures on the wrong lines.
    if (!analysis || analysis.version !== document.version) return [];
    return this.lensesOf(document, analysis.result);
  }

  /** The lenses of one analyzed version of the document. */
  protected abstract lensesOf(document: vscode.TextDocument, result: AnalysisResult): T[];

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
