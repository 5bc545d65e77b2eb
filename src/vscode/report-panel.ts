import * as vscode from "vscode";
import { appliedText } from "../core/report/applied";
import type { ModelReport } from "../core/report/model-report";
import { modelGroups } from "../core/report/module-groups";
import type { TrainingPlan } from "../core/training/training-plan";
import type { SettingsStore } from "./settings";
import { calculatorFields, runOf } from "./calculator-fields";
import type { CalculatorShown, CalculatorView, FromWebview, GridForecastView, ReportViewShown, ToWebview } from "./report-messages";
import { calibrateToRuns, editorPrecision, estimateInference, loggedProblems, estimateTraining, knownHardware, measuredBeside, type IntensitySource, type MeasuredBeside, type TrainingEstimate, type TrainingRun } from "./energy-bridge";
import { readTrackerRuns, type TrackerRuns } from "./measured-runs";
import type { ProfileCalibration } from "../core/energy/calibration";
import { exportReport, type ExportFormat } from "./report-export";
import { planOfModel, TrainingPlanLookup } from "./training-plan-lookup";
import { parallelTraining } from "../core/parallel/parallel-training";
import { memoryView } from "./memory-bridge";
import type { AnalysisResult } from "../core/analyze";

export type { CalculatorShown, CalculatorView, GridForecastView, ReportViewShown } from "./report-messages";

/** Where the report gets the grid forecast (region and provider are the grid settings'); undefined when none. */
export type GridForecastSource = () => Promise<GridForecastView | undefined>;

/** The plan of the model's file as far as it is known. */
interface PlanState {
  key: string;
  status: CalculatorView["status"];
  plan?: TrainingPlan;
  note?: string;
  /** The CodeCarbon runs of the plan's tracker, once read. */
  runs?: TrackerRuns;
}

/** A file's text, or undefined when it does not exist (other errors are thrown). */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === "FileNotFound") return undefined;
    throw error;
  }
}

/** The last segment of a path ('/a/b/train.py' → 'train.py'). */
function baseName(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1) || file;
}

function nonce(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let text = "";
  for (let i = 0; i < 32; i++) text += alphabet.charAt(Math.floor(Math.random() * alphabet.length));
  return text;
}

/**
 * The report view: one webview panel, reused, showing one model. Data goes in by postMessage; the page loads only
 * its own script and style from media/ (CSP default-src 'none' with a nonce; no remote resources).
 */
export class ReportPanel implements vscode.Disposable {
  static readonly viewType = "greenlight.report";
  private panel: vscode.WebviewPanel | undefined;
  private model: ModelReport | undefined;
  /** The document the model was read from, when it is open. */
  private document: vscode.TextDocument | undefined;
  private planState: PlanState | undefined;
  private shown: CalculatorShown | undefined;
  private viewShown: ReportViewShown | undefined;
  private readonly plans: TrainingPlanLookup;
  private ready = false;
  /** How the shown model's file runs it (generations, optimizer, dtype), for the memory section. */
  private fileResult: Pick<AnalysisResult, "generations" | "runSetup"> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly messages = new vscode.EventEmitter<string>();
  /** Fires with the type of every message the webview sends (tests wait for "ready"). */
  readonly onDidReceiveMessage = this.messages.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: SettingsStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly intensity: () => IntensitySource,
    private readonly gridForecast?: GridForecastSource,
    /** Reads the training plan that pre-fills the calculator (shared with the training CodeLens; none: settings only). */
    plans?: TrainingPlanLookup,
  ) {
    this.plans = plans ?? new TrainingPlanLookup(undefined, log);
    this.disposables.push(store.onDidChange(() => void this.post()));
  }

  /** What the page last said it shows of the model (heading, chart labels, tree rows, energy); undefined before it drew. */
  get shownView(): ReportViewShown | undefined {
    return this.panel && this.ready ? this.viewShown : undefined;
  }

  /**
   * The training calculator's first values as the host computed them, and what the page says it shows (absent
   * until it has drawn them): a read-only hook for the integration tests.
   */
  calculator(): { initial: CalculatorView; shown?: CalculatorShown } | undefined {
    const initial = this.panel ? this.calculatorView() : undefined;
    if (!initial) return undefined;
    return this.shown?.key === initial.key ? { initial, shown: this.shown } : { initial };
  }

  /**
   * Opens (or reveals) the panel on this model; `document` is the one it was read from (else the open document of
   * the model's file is used). The calculator starts from the settings and is filled from the code's training plan
   * as soon as that is read (once per document version, off the keystroke path).
   */
  show(model: ModelReport, document?: vscode.TextDocument, result?: Pick<AnalysisResult, "generations" | "runSetup">): void {
    if (this.model !== model) this.viewShown = undefined;
    this.model = model;
    this.fileResult = result;
    this.document = document ?? vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.path === model.file);
    this.readPlan(model, this.document);
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, "media");
      // The page's script is built from src/webview/report/ into dist/webview/; its style and icon are in media/.
      const page = vscode.Uri.joinPath(this.extensionUri, "dist", "webview");
      this.panel = vscode.window.createWebviewPanel(ReportPanel.viewType, `Greenlight: ${model.name}`, vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [media, page],
        retainContextWhenHidden: true,
      });
      this.panel.iconPath = vscode.Uri.joinPath(media, "icon.svg");
      this.ready = false;
      this.panel.webview.html = this.html(this.panel.webview, media, page);
      this.panel.webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message), undefined, this.disposables);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
        this.viewShown = undefined;
        this.shown = undefined;
      }, undefined, this.disposables);
    } else {
      this.panel.title = `Greenlight: ${model.name}`;
      this.panel.reveal(undefined, true);
    }
    void this.post();
  }

  /**
   * Follows edits: when the document the shown model comes from is analyzed again, the report shows the model of the
   * same name from that analysis (layers, charts, energy). The calculator keeps its fields and the user's changes;
   * its estimate follows the new model. A model that no longer exists leaves the report as it was.
   */
  follow(document: vscode.TextDocument, models: readonly ModelReport[], result?: Pick<AnalysisResult, "generations" | "runSetup">): void {
    const shown = this.model;
    if (!this.panel || !shown || this.document?.uri.toString() !== document.uri.toString()) return;
    const same = models.filter((m) => m.file === shown.file && m.name === shown.name);
    const next = same.find((m) => m.entry === shown.entry) ?? (same.length === 1 ? same[0] : undefined);
    if (!next || next === shown) return;
    this.model = next;
    this.document = document;
    this.fileResult = result;
    if (this.panel.title !== `Greenlight: ${next.name}`) this.panel.title = `Greenlight: ${next.name}`;
    void this.post();
  }

  /** Draws the shown model again (the grid reading or another input of its figures changed). */
  refresh(): void {
    void this.post();
  }

  /** Export text of the model shown (Markdown, CSV or JSON). */
  exportText(format: ExportFormat): string | undefined {
    if (!this.model) return undefined;
    return exportReport(this.model, format, estimateInference(this.model, this.settings(), this.intensity(), loggedProblems(this.log)));
  }

  /** The settings of the shown model's document (its folder's, in a multi-root workspace). */
  private settings() {
    return this.store.valuesFor(this.document?.uri);
  }

  /** Starts reading the plan of the model's document; the calculator is sent again when it is known. */
  private readPlan(model: ModelReport, document: vscode.TextDocument | undefined): void {
    const key = `${model.file}#${model.name}:${model.line}@${document?.version ?? "closed"}`;
    if (this.planState?.key === key && this.planState.status !== "settings") return;
    if (!document) {
      this.planState = { key, status: "settings", note: `${baseName(model.file)} is not open, so its training code was not read` };
      this.log.info(`report: ${this.planState.note}; the training calculator uses the settings`);
      return;
    }
    const state: PlanState = { key, status: "reading" };
    this.planState = state;
    void this.plans.read(document).then(async (result) => {
      // Another model or version was shown meanwhile: its own reading will answer.
      if (this.planState !== state) return;
      // A notebook that trains several models in turn: this model's own loop's plan.
      const next: PlanState = result.ok ? { key, status: "code", plan: planOfModel(result.value, model) ?? result.value } : { key, status: "settings", note: result.reason };
      this.planState = next;
      const tracker = result.ok ? result.value.tracker : undefined;
      if (tracker) {
        // The script has a CodeCarbon tracker: its measured runs go beside the estimate.
        try {
          next.runs = await readTrackerRuns(tracker, model.file, (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.path), (path) => readText(document.uri.with({ path })));
          if (next.runs.problems.length) this.log.warn(`CodeCarbon runs: ${next.runs.problems.join("; ")}`);
        } catch (error) {
          this.log.warn(`CodeCarbon runs of ${model.file}: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (this.planState !== next) return;
      }
      try {
        const view = this.calculatorView();
        if (view && this.ready) await this.send({ type: "calculator", calculator: view });
      } catch (error) {
        // The panel closed meanwhile, or the estimate failed: the view must not break, the log says why.
        this.log.error(`report view: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    });
  }

  /** The run on the GPUs the code's data parallelism states (else greenlight.gpus), at the run's hardware. */
  private onGpus(run: TrainingRun): TrainingRun {
    const settings = this.settings();
    if (!this.model) return run;
    const parallel = parallelTraining(this.model, this.planState?.plan?.parallel, { gpus: settings.gpus > 1 ? settings.gpus : undefined, hardware: run.hardware });
    return parallel.training ? { ...run, parallel: parallel.training } : run;
  }

  /** The calculator for the model shown: fields from the plan (when read) and settings, and their estimate. */
  private calculatorView(): CalculatorView | undefined {
    const model = this.model;
    const state = this.planState;
    if (!model || !state) return undefined;
    const settings = this.settings();
    const fields = calculatorFields(state.status === "code" ? state.plan : undefined, { hardware: settings.hardware, batchSize: settings.batchSize }, model.file);
    const view: CalculatorView = { key: state.key, status: state.status, file: baseName(model.file), fields, estimate: null };
    // The config files that fed the plan, or that it names and are missing (config-notes.ts), and what the code asked
    // torch.cuda of the target GPU, beside the fields.
    const note = [state.note, ...(state.status === "code" ? [...(state.plan?.notes ?? []), state.plan?.cudaQueries] : [])].filter((n): n is string => !!n).join("; ");
    if (note) view.note = note;
    if (state.status === "reading") return view;
    const estimate = estimateTraining(model, this.onGpus(runOf(fields)), settings, this.intensity());
    if (estimate instanceof Error) view.message = estimate.message;
    else view.estimate = estimate;
    const tracker = state.plan?.tracker;
    if (tracker && state.runs) {
      if (state.runs.runs.length > 0 && state.runs.file) {
        const measured = measuredBeside(model, runOf(fields), settings, state.runs.runs, { file: state.runs.file, project: tracker.projectName });
        if (measured) view.measured = measured;
      } else {
        view.measuredNote = `CodeCarbon tracker on line ${tracker.line} (project '${tracker.projectName}'): no runs of it yet in ${state.runs.looked.map(baseName).filter((f, i, all) => all.indexOf(f) === i).join(", ")}` +
          (state.runs.problems.length ? ` (${state.runs.problems[0]})` : "");
      }
    }
    return view;
  }

  /** Fits the hardware to the CodeCarbon runs of the report's script at the run its calculator shows (the command). */
  async calibrateShown(): Promise<ProfileCalibration | undefined> {
    const view = this.calculatorView();
    if (!view?.measured?.estimated) {
      void vscode.window.showInformationMessage(
        view?.measuredNote ?? "Greenlight: no CodeCarbon runs to calibrate to. Show the report of a training script that tracks itself with CodeCarbon (EmissionsTracker) and has run.",
      );
      return undefined;
    }
    const run = this.shown?.key === view.key ? this.shown.values : runOf(view.fields);
    const fitted = await this.calibrate(run);
    await this.post();
    return fitted;
  }

  /** Removes the workspace's calibration (the command and the page's button). */
  async clearCalibration(): Promise<void> {
    await this.store.update("calibration", null, vscode.ConfigurationTarget.Workspace);
    await this.post();
  }

  /** Fits the hardware profile to the script's CodeCarbon runs and keeps the fit in the workspace settings. */
  private async calibrate(run: TrainingRun): Promise<ProfileCalibration | undefined> {
    const state = this.planState;
    const runs = state?.runs;
    if (!this.model || !state?.plan?.tracker || !runs?.file || runs.runs.length === 0) return undefined;
    const source = `${baseName(runs.file)} (project ${state.plan.tracker.projectName})`;
    const fitted = calibrateToRuns(this.model, run, this.settings(), runs.runs, source);
    await this.store.update("calibration", fitted, vscode.ConfigurationTarget.Workspace);
    const times = (x: number) => `×${Number(x.toPrecision(2))}`;
    void vscode.window.showInformationMessage(
      `Greenlight: ${fitted.hardware} (host ${fitted.host}) calibrated from ${fitted.runs} run${fitted.runs === 1 ? "" : "s"} of ${source}: efficiency ${times(fitted.efficiencyScale)}, host dispatch ${times(fitted.hostScale)}, power ${times(fitted.powerScale)}.`,
    );
    return fitted;
  }

  private async receive(message: FromWebview): Promise<void> {
    try {
      this.messages.fire(message.type);
      if (message.type === "ready") {
        this.ready = true;
        await this.post();
      } else if (message.type === "calculatorShown") {
        this.shown = message.shown;
      } else if (message.type === "viewShown") {
        this.viewShown = message.shown;
      } else if (message.type === "revealLine" && this.document && !this.document.isClosed && Number.isInteger(message.line) && message.line >= 1) {
        const line = Math.min(message.line, this.document.lineCount) - 1;
        const range = this.document.lineAt(line).range;
        const column = vscode.window.visibleTextEditors.find((editor) => editor.document === this.document)?.viewColumn ?? vscode.ViewColumn.One;
        await vscode.window.showTextDocument(this.document, { viewColumn: column, selection: range });
      } else if (message.type === "calculate" && this.model) {
        const estimate = estimateTraining(this.model, this.onGpus(message.run), this.settings(), this.intensity());
        await this.send(estimate instanceof Error ? { type: "training", estimate: null, message: estimate.message } : { type: "training", estimate });
      } else if (message.type === "calibrate" && this.model) {
        await this.calibrate(message.run);
        await this.post();
      } else if (message.type === "clearCalibration") {
        await this.clearCalibration();
      } else if (message.type === "export" && this.model) {
        const text = this.exportText(message.format);
        if (text === undefined) return;
        const language = { markdown: "markdown", csv: "csv", json: "json" }[message.format] ?? "plaintext";
        const document = await vscode.workspace.openTextDocument({ content: text, language });
        await vscode.window.showTextDocument(document, vscode.ViewColumn.Active);
      }
    } catch (error) {
      this.log.error(`report view: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** The one way messages reach the page, typed. */
  private async send(message: ToWebview): Promise<void> {
    await this.panel?.webview.postMessage(message);
  }

  private async post(): Promise<void> {
    if (!this.panel || !this.model || !this.ready) return;
    const settings = this.settings();
    let grid: GridForecastView | undefined;
    try {
      grid = await this.gridForecast?.();
    } catch (error) {
      this.log.warn(`grid forecast unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
    await this.send({
      type: "report",
      model: this.model,
      groups: modelGroups(this.model),
      applied: appliedText(this.model) ?? null,
      energy: estimateInference(this.model, settings, this.intensity(), loggedProblems(this.log)) ?? null,
      memory: memoryView(this.model, this.fileResult, settings, this.intensity(), loggedProblems(this.log)),
      hardware: knownHardware(),
      settings: { hardware: settings.hardware, batch: settings.batchSize, precision: editorPrecision(this.model, settings) },
      calculator: this.calculatorView() ?? null,
      grid: grid ?? null,
    });
  }

  private html(webview: vscode.Webview, media: vscode.Uri, page: vscode.Uri): string {
    const script = webview.asWebviewUri(vscode.Uri.joinPath(page, "report.js"));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, "report", "report.css"));
    const token = nonce();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource}; script-src 'nonce-${token}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Greenlight report</title>
</head>
<body>
<main id="app"><p class="muted">Loading the report…</p></main>
<script nonce="${token}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.messages.dispose();
  }
}
