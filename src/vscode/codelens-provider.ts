import * as vscode from "vscode";
import { partialStatus } from "../core/report/coverage";
import type { AnalysisEngine } from "./analysis-engine";
import type { SettingsStore } from "./settings";
import type { EstimateProblems, IntensitySource } from "./energy-bridge";
import { codeLensTitle } from "./codelens-title";
import { formatIntensity } from "../core/report/format";
import { modelsInFile } from "./model-lookup";
import { assumptionLine } from "./model-summary";
import type { ModelReport } from "../core/report/model-report";
import { editorMemory, generationLensTitle } from "./memory-bridge";
import { AnalysisLensProvider } from "./analysis-lens-provider";
import type { AnalysisResult } from "../core/analysis-result";

/** Which grid reading the carbon figure uses: the status bar's, named the same way. */
export function carbonBasis(intensity: IntensitySource): string {
  return `Carbon at ${formatIntensity(intensity.gco2PerKwh)} (${intensity.source}).`;
}

/** A CodeLens above every model with its size and cost; clicking opens the report. */
export class ModelCodeLensProvider extends AnalysisLensProvider<vscode.CodeLens> {
  constructor(
    engine: AnalysisEngine,
    store: SettingsStore,
    private readonly intensity: () => IntensitySource,
    onDidChangeGrid: vscode.Event<void>,
    private readonly problems: EstimateProblems,
  ) {
    super(engine, store, onDidChangeGrid);
  }

  protected lensesOf(document: vscode.TextDocument, result: AnalysisResult): vscode.CodeLens[] {
    // A function that trains gets the training lens (training-lens.ts), not an inference figure.
    const trainingLines = new Set((result.trainingSites ?? []).filter((site) => site.function).map((site) => site.line));
    const models = modelsInFile(result, document.uri.path);
    return [...models.filter((model) => !trainingLines.has(model.line)).map((model) => {
      const line = Math.min(Math.max(model.line - 1, 0), document.lineCount - 1);
      const unresolved = model.unresolved.map((note) => `${note.file.split("/").pop()}:${note.line}: ${note.reason}`).join("\n");
      return new vscode.CodeLens(document.lineAt(line).range, {
        title: codeLensTitle(model, this.store.valuesFor(document.uri), this.intensity(), this.problems),
        command: "greenlight.showReport",
        arguments: [document.uri, model.name, model.line],
        tooltip: `${model.complete ? `Open the Greenlight report of ${model.name}` : `Partial figures (${partialStatus(model.coverage, model.unresolved.length)}); unresolved:\n${unresolved}`}${assumptionLine(model) ? `\n${assumptionLine(model)}` : ""}\n${carbonBasis(this.intensity())}`,
      });
    }), ...this.generationLenses(document, result, models)];
  }

  /** Above each generation the file runs (generate call, sampling loop, pragma): prefill, decode, energy per 1k tokens. */
  private generationLenses(document: vscode.TextDocument, result: Parameters<typeof editorMemory>[1], models: ModelReport[]): vscode.CodeLens[] {
    const plans = result?.generations ?? [];
    if (plans.length === 0) return [];
    for (const model of models) {
      const figures = editorMemory(model, result, this.store.valuesFor(document.uri), this.intensity(), "inference", this.problems);
      const title = figures && generationLensTitle(figures);
      if (!title || !figures?.generation) continue;
      // In a notebook, the generation's lens is in the cell that runs it, not in every cell.
      if (figures.generation.resolved.plan.otherCell !== undefined) return [];
      const line = Math.min(Math.max(figures.generation.resolved.plan.line - 1, 0), document.lineCount - 1);
      return [new vscode.CodeLens(document.lineAt(line).range, {
        title,
        command: "greenlight.showReport",
        arguments: [document.uri, model.name, model.line],
        tooltip: `Generation of ${model.name}: prefill and decode from the energy model, decode reading the weights and the KV cache each token.\n${carbonBasis(this.intensity())}`,
      })];
    }
    return [];
  }
}
