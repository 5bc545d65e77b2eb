import type { AnalysisWorkerHandle } from "../core/analysis-protocol";
import * as vscode from "vscode";
import { AnalysisEngine } from "./analysis-engine";
import { GreenlightCodeActionProvider } from "./code-actions";
import { ModelCodeLensProvider } from "./codelens-provider";
import { registerCommands } from "./commands";
import { diagnosticsFor } from "./diagnostics";
import { LayerHoverProvider } from "./hover-provider";
import { ShapeInlayHintsProvider } from "./inlay-hints-provider";
import { loadPythonParser, ParserUnavailable } from "./parser-loader";
import { ReportPanel, type GridForecastSource } from "./report-panel";
import type { Services } from "./services";
import { loggedProblems, WORLD_AVERAGE_INTENSITY, type IntensitySource } from "./energy-bridge";
import { ModelsView } from "./models-view";
import { ReadOnlyDocuments } from "./read-only-documents";
import { SettingsStore, targetLevels } from "./settings";
import { declaredScopes } from "./setting-levels";
import { TrainingCodeLensProvider } from "./training-lens";
import { TrainingPlanLookup } from "./training-plan-lookup";
import { StatusBar } from "./status-bar";
import { WorkspaceMirror } from "./workspace-mirror";
import { PythonEnvironments, type EnvironmentHost } from "./python-environment";
import { activePythonDocument, isPythonCell, notebookOfCell } from "./notebook-cells";
import { registerTestProbes } from "./test-probes";
import { watchConfigFiles } from "./config-file-watch";

/** What differs between the desktop (Node) and the browser entries. */
export interface HostBits {
  kind: "node" | "web";
  /** Registers surfaces from other modules (the grid indicator) once the cheap parts are up. */
  registerExtraSurfaces?: (context: vscode.ExtensionContext, log: vscode.LogOutputChannel, documents: ReadOnlyDocuments) => void;
  /** The grid status bar item as shown, when the host has one (the integration tests read it). */
  gridStatus?: () => { text: string; tooltip: string; label: string } | undefined;
  /** Where the report view gets the grid forecast. */
  gridForecast?: GridForecastSource;
  /** The grid intensity now, when known (else the energy model's world average is used). */
  gridIntensity?: () => IntensitySource | undefined;
  /** Subscribes to changes of `gridIntensity`'s value, so every surface follows the status bar. */
  onDidChangeGridIntensity?: (listener: () => void) => vscode.Disposable;
  /** Reads the user's Python environment (desktop only: its packages are files on disk). */
  environment?: EnvironmentHost;
  /** Starts the worker analyses run on (desktop: a worker thread; web: a Web Worker fed the mirror's files); without
   *  one (or when it returns none) they run on the extension host. */
  analysisWorker?: (log: vscode.LogOutputChannel, mirror: WorkspaceMirror) => AnalysisWorkerHandle | undefined;
}

const PYTHON: vscode.DocumentSelector = [{ language: "python" }];

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Two-stage activation (as vscode-eslint): this registers the cheap parts (settings, commands, status bar); the
 * first Python document (or a command) loads tree-sitter and registers the providers. Failures are shown and
 * logged with their stack, never swallowed; a host without WebAssembly gets a status message, not a crash.
 */
export function activateGreenlight(context: vscode.ExtensionContext, host: HostBits): void {
  const log = vscode.window.createOutputChannel("Greenlight", { log: true });
  context.subscriptions.push(log);
  try {
    activateStages(context, host, log);
  } catch (error) {
    log.error(`activation failed: ${describe(error)}`);
    void vscode.window.showErrorMessage(`Greenlight could not start: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

function activateStages(context: vscode.ExtensionContext, host: HostBits, log: vscode.LogOutputChannel): void {
  const store = new SettingsStore(log, declaredScopes(context.extension.packageJSON));
  const status = new StatusBar();
  const mirror = new WorkspaceMirror(log, status, () => store.values);
  const intensity = () => host.gridIntensity?.() ?? WORLD_AVERAGE_INTENSITY;
  // The engine is asked for lazily (it loads tree-sitter): the report reads the training plan through it.
  // One plan reader (once per document version) for the report's calculator and the training CodeLens.
  const plans = new TrainingPlanLookup(() => start(), log, undefined, (uri) => store.valuesFor(uri).hardware);
  const report = new ReportPanel(context.extensionUri, store, log, intensity, host.gridForecast, plans);
  const diagnostics = vscode.languages.createDiagnosticCollection("greenlight");
  const documents = new ReadOnlyDocuments();
  const models = new ModelsView();
  const environments = new PythonEnvironments(host.environment, (folder) => store.valuesFor(folder), log);
  context.subscriptions.push(store, status, mirror, report, diagnostics, documents, models, environments, vscode.window.registerTreeDataProvider("greenlight.models", models));

  let starting: Promise<AnalysisEngine> | undefined;
  const start = (): Promise<AnalysisEngine> => {
    starting ??= startAnalysis(context, services, log).catch((error: unknown) => {
      status.setTask("parser", undefined);
      if (error instanceof ParserUnavailable) {
        log.warn(error.message);
        void vscode.window.setStatusBarMessage(`$(warning) Greenlight: ${error.message}`, 30_000);
      } else {
        log.error(`could not load the Python parser: ${describe(error)}`);
        void vscode.window.showErrorMessage(`Greenlight could not load its Python parser: ${error instanceof Error ? error.message : String(error)}`);
      }
      throw error;
    });
    return starting;
  };

  // One grid reading for every surface: when the status bar's value changes, the lenses and the report follow.
  const gridChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(gridChanged);
  if (host.onDidChangeGridIntensity) {
    context.subscriptions.push(
      host.onDidChangeGridIntensity(() => {
        gridChanged.fire();
        report.refresh();
      }),
    );
  }

  const services: Services = {
    context,
    analysisWorker: host.analysisWorker && (() => host.analysisWorker!(log, mirror)),
    log,
    store,
    status,
    mirror,
    report,
    diagnostics,
    documents,
    models,
    plans,
    environments,
    intensity,
    onDidChangeGrid: gridChanged.event,
    start,
    configRefreshes: [],
    refreshOpenDocuments: async () => {
      const engine = await start();
      await Promise.all(vscode.workspace.textDocuments.filter(isPython).map((document) => publish(engine, services, document)));
    },
  };

  context.subscriptions.push(...registerCommands(services));
  const updateTarget = () => {
    const document = activePythonDocument();
    status.showTarget(store.valuesFor(document?.uri), document !== undefined, targetLevels(store, document?.uri));
  };
  updateTarget();
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(updateTarget), vscode.window.onDidChangeActiveNotebookEditor(updateTarget), store.onDidChange(updateTarget));

  try {
    host.registerExtraSurfaces?.(context, log, documents);
  } catch (error) {
    log.error(`could not register the grid surfaces: ${describe(error)}`);
  }

  // Stage 2 starts with the first Python document: one already open, or the next one opened.
  if (vscode.workspace.textDocuments.some(isPython)) void start().catch(() => undefined);
  else {
    const waiting = vscode.workspace.onDidOpenTextDocument((document) => {
      if (!isPython(document)) return;
      waiting.dispose();
      void start().catch(() => undefined);
    });
    context.subscriptions.push(waiting);
  }
  log.info(`activated (${host.kind} host, VS Code ${vscode.version})`);

  // Read-only probes for the integration tests, only when VS Code runs them: the extension exports no API.
  registerTestProbes(context, {
    ready: async () => {
      await start();
    },
    indexed: async () => {
      await start();
      await mirror.start();
    },
    indexedFiles: () => mirror.size,
    reportCalculator: () => report.calculator(),
    gridIntensity: intensity,
    reportView: () => report.shownView,
    listedModels: () => models.modelCount,
    parseCounts: async () => (await start()).parseCounts(),
    targetStatus: () => status.targetShown(),
    gridStatus: () => host.gridStatus?.(),
    settingNotices: () => [...store.notices],
    configRefreshes: () => services.configRefreshes.map((burst) => ({ ...burst })),
  });
}

/** Quiet time after the last change on disk before open documents are re-analyzed. */
const DISK_CHANGE_SETTLE_MS = 250;

function isPython(document: vscode.TextDocument): boolean {
  return document.languageId === "python" && !document.isClosed;
}

/** Analyzes a document and publishes its diagnostics if the version is still current. */
async function publish(engine: AnalysisEngine, services: Services, document: vscode.TextDocument): Promise<void> {
  const analysis = await engine.analyze(document);
  if (!analysis || document.isClosed || analysis.version !== document.version) return;
  services.diagnostics.set(document.uri, diagnosticsFor(analysis.result, analysis.findings, document.uri.path, document.getText(), services.store.valuesFor(document.uri)));
}

/** Publishes the diagnostics of every Python cell of a notebook. */
function publishNotebook(engine: AnalysisEngine, services: Services, notebook: vscode.NotebookDocument): void {
  for (const cell of notebook.getCells()) if (isPythonCell(cell) && !cell.document.isClosed) void publish(engine, services, cell.document);
}

async function startAnalysis(context: vscode.ExtensionContext, services: Services, log: vscode.LogOutputChannel): Promise<AnalysisEngine> {
  const started = Date.now();
  services.status.setTask("parser", "Greenlight: loading the Python parser");
  const parser = await loadPythonParser(context.extensionUri);
  services.status.setTask("parser", undefined);
  log.info(`Python parser loaded in ${Date.now() - started} ms`);

  const engine = new AnalysisEngine(parser, services.mirror, (uri) => services.store.valuesFor(uri), log, services.environments, services.analysisWorker?.());
  let diskChangeTimer: ReturnType<typeof setTimeout> | undefined;
  // The hardware each open document is analyzed for (its folder's setting): another one is another analysis.
  const hardwareOfOpenDocuments = () => vscode.workspace.textDocuments.filter(isPython).map((document) => services.store.valuesFor(document.uri).hardware).join(",") + `|${services.store.values.hardware}`;
  let analyzedHardware = hardwareOfOpenDocuments();
  const problems = loggedProblems(log);
  const codeLens = new ModelCodeLensProvider(engine, services.store, services.intensity, services.onDidChangeGrid, problems);
  const trainingLens = new TrainingCodeLensProvider(engine, services.store, services.plans, services.intensity, services.onDidChangeGrid);
  const inlayHints = new ShapeInlayHintsProvider(engine, services.store);
  context.subscriptions.push(
    engine,
    codeLens,
    inlayHints,
    vscode.languages.registerCodeLensProvider(PYTHON, codeLens),
    trainingLens,
    vscode.languages.registerCodeLensProvider(PYTHON, trainingLens),
    vscode.languages.registerHoverProvider(PYTHON, new LayerHoverProvider(engine, services.store, services.intensity, problems)),
    vscode.languages.registerInlayHintsProvider(PYTHON, inlayHints),
    vscode.languages.registerCodeActionsProvider(PYTHON, new GreenlightCodeActionProvider(engine, log), GreenlightCodeActionProvider.metadata),
    // An open report follows edits to its model's document.
    engine.onDidAnalyze((analysis) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === analysis.uri.toString());
      if (document) services.report.follow(document, analysis.result.models, analysis.result);
      services.models.update(analysis.uri, analysis.result.models);
    }),
    // Diagnostics follow edits (debounced in the engine) and never show a stale version.
    vscode.workspace.onDidOpenTextDocument((document) => isPython(document) && void publish(engine, services, document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (!isPython(event.document) || event.contentChanges.length === 0) return;
      // A cell's edit can change what every cell of its notebook shows (one program): all of them follow.
      const notebook = notebookOfCell(event.document);
      if (notebook) publishNotebook(engine, services, notebook);
      else void publish(engine, services, event.document);
    }),
    // Cells added, removed or moved: the program changed.
    vscode.workspace.onDidChangeNotebookDocument((event) => {
      if (event.contentChanges.length === 0) return;
      for (const change of event.contentChanges) for (const cell of change.removedCells) services.diagnostics.delete(cell.document.uri);
      publishNotebook(engine, services, event.notebook);
    }),
    vscode.workspace.onDidCloseNotebookDocument((notebook) => engine.forgetNotebook(notebook.uri)),
    vscode.workspace.onDidCloseTextDocument((document) => {
      engine.forget(document.uri);
      services.diagnostics.delete(document.uri);
    }),
    services.store.onDidChange(() => {
      // greenlight.pythonEnvironment may be among the changed settings: look for the environment again.
      services.environments.refresh("settings changed");
      // The code's torch.cuda checks answer for the target hardware: another target is another analysis.
      const hardware = hardwareOfOpenDocuments();
      if (hardware !== analyzedHardware) {
        analyzedHardware = hardware;
        engine.invalidate();
        void services.refreshOpenDocuments();
      }
    }),
    services.environments.onDidChange(() => {
      engine.invalidate();
      void services.refreshOpenDocuments();
    }),
    // A file changed on disk (an import): cached results may be stale. Coalesced, so a checkout of thousands of
    // files re-analyzes the open documents once it settles, not once per file.
    services.mirror.onDidChange(() => {
      if (diskChangeTimer !== undefined) clearTimeout(diskChangeTimer);
      diskChangeTimer = setTimeout(() => {
        diskChangeTimer = undefined;
        engine.invalidate();
        void services.refreshOpenDocuments();
      }, DISK_CHANGE_SETTLE_MS);
    }),
    { dispose: () => diskChangeTimer !== undefined && clearTimeout(diskChangeTimer) },
    // A YAML/JSON config a script reads (its training lens notes "config read: ...") was saved or edited: the plans
    // and analyses that read it are out of date, and only those (an unrelated YAML edit re-analyzes nothing).
    watchConfigFiles(
      (changed) => {
        const open = vscode.workspace.textDocuments.filter(isPython);
        const stale = new Set(engine.invalidateReading(open, changed));
        for (const document of open) if (services.plans.forgetReading(document.uri, changed)) stale.add(document);
        // Kept for the tests' probe, the latest few only.
        services.configRefreshes.push({ burst: (services.configRefreshes.at(-1)?.burst ?? 0) + 1, changed: [...changed], refreshed: [...stale].map((document) => document.uri.path) });
        services.configRefreshes.splice(0, services.configRefreshes.length - 20);
        for (const document of stale) void publish(engine, services, document);
      },
      () => Math.max(DISK_CHANGE_SETTLE_MS, services.store.values["analysis.debounceMs"]),
    ),
  );
  void services.mirror.start().then(() => {
    engine.invalidate();
    return services.refreshOpenDocuments();
  });
  for (const document of vscode.workspace.textDocuments.filter(isPython)) void publish(engine, services, document);
  return engine;
}
