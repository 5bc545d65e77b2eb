import type { ConfigRefresh } from "./config-file-watch";
import type { AnalysisWorkerHandle } from "../core/analysis-protocol";
import type * as vscode from "vscode";
import type { AnalysisEngine } from "./analysis-engine";
import type { IntensitySource } from "./energy-bridge";
import type { ModelsView } from "./models-view";
import type { ReadOnlyDocuments } from "./read-only-documents";
import type { ReportPanel } from "./report-panel";
import type { SettingsStore } from "./settings";
import type { StatusBar } from "./status-bar";
import type { TrainingPlanLookup } from "./training-plan-lookup";
import type { WorkspaceMirror } from "./workspace-mirror";
import type { PythonEnvironments } from "./python-environment";

/** What the commands and providers share, created once per activation. */
export interface Services {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  store: SettingsStore;
  status: StatusBar;
  mirror: WorkspaceMirror;
  /** The Python environment of each workspace folder (installed packages). */
  environments: PythonEnvironments;
  report: ReportPanel;
  diagnostics: vscode.DiagnosticCollection;
  /** Documents written for reading (forecast, sample): never dirty, so closing them asks nothing. */
  documents: ReadOnlyDocuments;
  /** Reads a document's training plan once per version (report calculator, training CodeLens). */
  plans: TrainingPlanLookup;
  /** Starts the worker analyses run on, off the extension host (desktop: a worker thread; web: a Web Worker). */
  analysisWorker?: () => AnalysisWorkerHandle | undefined;
  /** The Explorer's list of the workspace's models. */
  models: ModelsView;
  /** Grid intensity for carbon figures: the grid module's current value, else the world average. */
  intensity(): IntensitySource;
  /** Fires when `intensity()` changes (the status bar's reading), so figures with carbon are redrawn. */
  onDidChangeGrid: vscode.Event<void>;
  /** Loads tree-sitter and starts analysis (once); rejects with ParserUnavailable where WebAssembly is missing. */
  start(): Promise<AnalysisEngine>;
  /** Re-publishes diagnostics of every open Python document (after settings or refresh). */
  refreshOpenDocuments(): Promise<void>;
  /** The latest settled bursts of config file changes, oldest first (kept for the tests' probe). */
  configRefreshes: ConfigRefresh[];
}
