import * as vscode from "vscode";
import type { ModelReport } from "../core/report/model-report";
import { trainedModel } from "../core/training/training-sites";
import { parallelTraining } from "../core/parallel/parallel-training";
import { dividedBatch } from "../core/parallel/parallel-run";
import type { AnalysisEngine } from "./analysis-engine";
import { calculatorFields, runOf, type CalculatorFields } from "./calculator-fields";
import { editorPrecision, estimateTraining, type IntensitySource } from "./energy-bridge";
import { formatCarbon, formatCountOf, formatEnergy } from "../core/report/format";
import { trainingStepsText } from "../core/energy/figure-text";
import type { SettingsStore } from "./settings";
import { planOfModel, type TrainingPlanLookup } from "./training-plan-lookup";
import { AnalysisLensProvider } from "./analysis-lens-provider";
import type { AnalysisResult } from "../core/analysis-result";
import { assumptionLine } from "./model-summary";
import { inNotebookProgram } from "../core/notebook/cell-view";
import { programLineLabel } from "../core/notebook/notebook-program";
import { notebookOfCell, programOfNotebook } from "./notebook-cells";

/** A lens on a training site, resolved (plan read, run estimated) only when it is shown. */
class TrainingLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly document: vscode.TextDocument,
    readonly model: ModelReport,
  ) {
    super(range);
  }
}

/** Which fields of the run the code did not state (and so were assumed). */
function assumed(fields: CalculatorFields): string[] {
  return (["epochs", "samples", "batch"] as const).filter((name) => fields[name].source === "placeholder" || fields[name].source === "settings");
}

/**
 * Training code is shown as training: above a function that calls `.backward()` (or a `fit(...)`), the cost of one
 * step of the model it trains and of the whole run, with the run's steps and batch read from the code as the
 * report's calculator reads them, and the assumptions named where the code is silent.
 */
export class TrainingCodeLensProvider extends AnalysisLensProvider<TrainingLens> {
  constructor(
    engine: AnalysisEngine,
    store: SettingsStore,
    private readonly plans: TrainingPlanLookup,
    private readonly intensity: () => IntensitySource,
    onDidChangeGrid: vscode.Event<void>,
  ) {
    super(engine, store, onDidChangeGrid);
  }

  protected lensesOf(document: vscode.TextDocument, result: AnalysisResult): TrainingLens[] {
    // In a notebook cell the model is often another cell's: the notebook's program is one program.
    const models = result.models.filter((model) => inNotebookProgram(model.file, document.uri.path));
    const text = document.getText();
    const lenses: TrainingLens[] = [];
    for (const site of result.trainingSites ?? []) {
      const model = trainedModel(models, site, text);
      const line = Math.min(Math.max(site.line - 1, 0), document.lineCount - 1);
      if (model) lenses.push(new TrainingLens(document.lineAt(line).range, document, model));
    }
    return lenses;
  }

  async resolveCodeLens(lens: TrainingLens): Promise<TrainingLens> {
    const settings = this.store.valuesFor(lens.document.uri);
    const plan = await this.plans.read(lens.document);
    // In a notebook the plan's lines are the program's: name the cell and its line, where the reader can find them.
    const notebook = notebookOfCell(lens.document);
    const program = notebook ? programOfNotebook(notebook) : undefined;
    const lineLabel = program ? (line: number) => programLineLabel(program, line) : undefined;
    const at = (line: number | undefined) => (line === undefined ? "line ?" : lineLabel ? lineLabel(line) : `line ${line}`);
    // A notebook that trains several models in turn: this model's own loop's figures.
    const code = plan.ok ? planOfModel(plan.value, lens.model) : undefined;
    const fields = calculatorFields(code, { hardware: settings.hardware, batchSize: settings.batchSize }, lens.model.file, lineLabel);
    // A step-based loop (max_iters, `for step in range(N)`) sets the run's length; its precision the step's.
    // Data parallelism the code states, else greenlight.gpus: the step is one GPU's, the run counts them all.
    const parallel = parallelTraining(lens.model, code?.parallel, { gpus: settings.gpus > 1 ? settings.gpus : undefined, hardware: fields.hardware.value });
    // Code that divides its accumulation by the world size runs that share on each GPU (as resolve-run.ts does).
    const gpus = parallel.training?.run.gpus ?? 1;
    const accumulation = code?.accumulation && code.parallel?.accumulationSplit && gpus > 1 ? Math.max(1, Math.floor(code.accumulation.value / gpus)) : code?.accumulation?.value;
    // Code that divides the job's batch by the process count loads that share in each process (as resolve-run.ts).
    const batch = code?.batch && code.parallel?.batchSplit && parallel.training ? dividedBatch(parallel.training.run, fields.batch.value) : fields.batch.value;
    const run = { ...runOf(fields), batch, ...(code?.steps ? { steps: code.steps.value } : {}), ...(accumulation ? { accumulation } : {}), ...(code?.precision ? { precision: code.precision.value } : {}), ...(parallel.training ? { parallel: parallel.training } : {}) };
    const estimate = estimateTraining(lens.model, run, settings, this.intensity());
    const command = { command: "greenlight.showReport", arguments: [lens.document.uri, lens.model.name, lens.model.line] };
    if (estimate instanceof Error) {
      lens.command = { ...command, title: `Training ${lens.model.name} · no estimate: ${estimate.message}` };
      return lens;
    }
    const perStep = (estimate.kilowattHours * 3.6e6) / estimate.steps;
    const missing = code?.steps ? assumed(fields).filter((name) => name === "batch") : assumed(fields);
    const title = [
      `Training ${lens.model.name}`,
      `${formatEnergy(perStep)}/step`,
      `${trainingStepsText(estimate.steps, estimate.microBatches)} ≈ ${formatEnergy(estimate.kilowattHours * 3.6e6)}, ${formatCarbon(estimate.kilogramsCo2e * 1000)} per run ` +
        `(${estimate.gpus > 1 ? `${estimate.gpus} × ${fields.hardware.value}, ${Number(estimate.gpuHours.toPrecision(3))} GPU-hours` : fields.hardware.value}, batch ${batch}${parallel.training && parallel.training.run.kind !== "dp" ? " per GPU" : ""}, ${run.precision ?? editorPrecision(lens.model, settings)}${missing.length ? `; ${missing.join(", ")} assumed` : ""})`,
    ].join(" · ");
    const tooltip = [
      `One training step (forward, backward, optimizer) of ${lens.model.name} at batch ${batch}, and the run: ` +
        (code?.steps ? `${code.steps.detail} (${at(code.steps.line)})${code.accumulation ? ` × ${code.accumulation.value} micro-batches (${code.accumulation.detail})` : ""}.` : `${formatCountOf(fields.epochs.value, "epoch")} × ${formatCountOf(fields.samples.value, "sample")}.`),
      ...(code?.steps ? (["batch"] as const) : (["epochs", "samples", "batch"] as const)).map((name) => `${name}: ${fields[name].label} (${fields[name].detail})`),
      ...(code?.precision ? [`precision: ${code.precision.value}, from ${at(code.precision.line)} (${code.precision.detail})`] : []),
      ...estimate.sources,
      ...parallel.notes,
      ...(code?.notes ?? []),
      ...(code?.cudaQueries ? [code.cudaQueries] : []),
      ...(assumptionLine(lens.model) ? [assumptionLine(lens.model)!] : []),
      "Click for the report's training calculator.",
    ].join("\n");
    lens.command = { ...command, title, tooltip };
    return lens;
  }
}
