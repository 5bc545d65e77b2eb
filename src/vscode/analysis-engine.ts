import * as vscode from "vscode";
import { isConfigFile } from "./config-file-watch";
import { SyntaxCache, type AnalysisResult } from "../core/analyze";
import { EDITOR_INSTALL_ACTIONS, type PythonEnvironments } from "./python-environment";
import type { PythonParser } from "../core/python/parser";
import type { Settings } from "../core/config";
import type { WorkspaceMirror } from "./workspace-mirror";
import type { Finding } from "../core/rules/types";
import { analyzeWithRules, ruleSettingsOf, type AnalysisWithFindings } from "../core/document-analysis";
import type { AnalysisWorkerHandle } from "../core/analysis-protocol";
import { cellView } from "../core/notebook/cell-view";
import { cellOf, cellStartOffset, isPythonCell, notebookKey, notebookOfCell, programOfNotebook } from "./notebook-cells";

/** One document's analysis, tied to the document version it was computed from. */
export interface DocumentAnalysis {
  uri: vscode.Uri;
  version: number;
  result: AnalysisResult;
  /** Rule findings (GL001…) of this version, suppressions applied. */
  findings: Finding[];
  milliseconds: number;
}

interface Entry {
  version: number;
  /** For a notebook cell: the notebook's state (notebookKey) the result was computed from; another cell's edit changes it. */
  programKey?: string;
  generation: number;
  promise: Promise<DocumentAnalysis | undefined>;
  settled?: DocumentAnalysis;
  /** Set once `promise` has settled (with an analysis or without one). */
  finished?: boolean;
  /** True until the scheduled run starts. */
  waiting(): boolean;
  /** Drops the run; its callers get nothing (their version or notebook state is stale). */
  cancel(): void;
  /** Drops the run for another run of the same version (files elsewhere changed): its callers get that one's answer. */
  handOver(next: Entry): void;
}

/**
 * Runs the analyzer per document: debounced after edits, keyed by document version (a result is only handed out
 * for the version it was computed from, so nothing stale is published), cached until the next edit, and dropped
 * when a newer edit arrives first. Workspace changes on disk (imports) start a new generation.
 */
export class AnalysisEngine implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  /** Lowered syntax per (path, text), kept across analyses: unchanged imports are not parsed again. */
  private readonly syntax = new SyntaxCache();
  private readonly analyzed = new vscode.EventEmitter<DocumentAnalysis>();
  /** Fires after each finished analysis of a document whose version is still current. */
  readonly onDidAnalyze = this.analyzed.event;

  private readonly changeListener: vscode.Disposable;
  /** The last analysis of each open notebook's program, shared by its cells (one run serves them all). */
  /** A notebook program's run under way in the worker, awaited by each of its cells. */
  private readonly notebookPending = new Map<string, { text: string; generation: number; done: Promise<AnalysisWithFindings | undefined> }>();
  private readonly notebookRuns = new Map<string, { text: string; generation: number; result: AnalysisResult; findings: Finding[] }>();

  constructor(
    private readonly parser: PythonParser,
    private readonly mirror: WorkspaceMirror,
    private readonly settings: (uri?: vscode.Uri) => Settings,
    private readonly log: vscode.LogOutputChannel,
    private readonly environments?: PythonEnvironments,
    /** Desktop: the worker thread analyses run on, off the extension host; absent (web), they run here. */
    private readonly worker?: AnalysisWorkerHandle,
  ) {
    // tree-sitter re-parses an edited file from its previous tree when told what changed: a keystroke in a
    // 2,000-line file costs a few ms instead of a full parse.
    this.changeListener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      // A cell's edit is an edit of its notebook's program, at the cell's offset there.
      const notebook = notebookOfCell(event.document);
      const start = notebook ? cellStartOffset(notebook, event.document) : 0;
      if (start === undefined) return;
      const path = notebook ? notebook.uri.path : event.document.uri.path;
      const changes = event.contentChanges.map((change) => ({ offset: start + change.rangeOffset, deletedLength: change.rangeLength, insertedText: change.text }));
      this.syntax.recordChanges(path, changes);
      this.worker?.recordChanges(path, changes);
    });
  }

  /** How many parses reused the previous tree (incremental) and how many started afresh, since activation. */
  async parseCounts(): Promise<{ incremental: number; full: number }> {
    const here = this.syntax.parses;
    const there = this.worker ? await this.worker.parseCounts() : { incremental: 0, full: 0 };
    return { incremental: here.incremental + there.incremental, full: here.full + there.full };
  }

  /** The analysis of the document's current version: cached, or scheduled (debounced after an edit). */
  analyze(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentAnalysis | undefined> {
    const key = document.uri.toString();
    let entry = this.entries.get(key);
    const programKey = programKeyOf(document);
    if (entry && entry.programKey !== programKey) {
      // Another cell of the notebook changed (or the cells moved): this cell's view is recomputed after the pause.
      entry.cancel();
      entry = this.schedule(document, this.settings(document.uri)["analysis.debounceMs"], programKey);
      this.entries.set(key, entry);
    } else if (entry && entry.version === document.version && entry.generation !== this.generation && entry.waiting()) {
      // Only files elsewhere changed and this version's run has not started: it will read them when it does.
      // (Rescheduling here would starve the document while a checkout streams in thousands of files.)
      entry.generation = this.generation;
    } else if (!entry || entry.version !== document.version || entry.generation !== this.generation) {
      // After an edit: wait for typing to pause; first look, or only other files changed: analyze at once.
      const edited = entry !== undefined && entry.version !== document.version;
      const next = this.schedule(document, edited ? this.settings(document.uri)["analysis.debounceMs"] : 0, programKey);
      // A run of this same version started before files elsewhere changed: whoever awaits it (a command) gets the
      // new run's answer rather than nothing.
      if (edited) entry?.cancel();
      else entry?.handOver(next);
      entry = next;
      this.entries.set(key, entry);
    }
    if (!token) return entry.promise;
    return new Promise((resolve) => {
      const listener = token.onCancellationRequested(() => resolve(undefined));
      entry.promise.then(
        (value) => {
          listener.dispose();
          resolve(value);
        },
        () => resolve(undefined),
      );
    });
  }

  /**
   * The analysis of the document's latest version, for a command: when an edit supersedes the run it waited for, it
   * waits for the next one (a few times at most); undefined when the analysis failed or the document closed.
   */
  async analyzeLatest(document: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const version = document.version;
      const state = programKeyOf(document);
      const analysis = await this.analyze(document);
      // Nothing for the state still current: the run failed (logged), and asking again would not help.
      if (analysis || document.isClosed || (document.version === version && programKeyOf(document) === state)) return analysis;
    }
    return undefined;
  }

  /** The finished analysis of the document's current version, if there is one (never waits). */
  peek(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry && entry.version === document.version && entry.generation === this.generation && entry.programKey === programKeyOf(document) ? entry.settled : undefined;
  }

  /** Forgets every cached result (settings or files on disk changed); open documents re-analyze on next ask. */
  invalidate(): void {
    this.generation++;
  }

  /**
   * Marks out of date the analysis of each document that read one of the `changed` config files (its result's
   * `configFiles`), or whose run is under way (it may have read the old text); the others keep theirs. Returns the
   * documents marked: their next ask analyzes again. A notebook's program shares one run per generation, so a cell
   * that read a changed file starts a new generation for all.
   */
  invalidateReading(documents: readonly vscode.TextDocument[], changed: ReadonlySet<string>): vscode.TextDocument[] {
    const marked = documents.filter((document) => {
      const entry = this.entries.get(document.uri.toString());
      if (!entry || entry.generation !== this.generation) return false;
      if (entry.settled) return (entry.settled.result.configFiles ?? []).some((file) => changed.has(file));
      return !entry.finished;
    });
    if (marked.some((document) => notebookOfCell(document) !== undefined)) this.generation++;
    // One generation behind: analyze() treats the entry as it treats one whose files changed elsewhere.
    else for (const document of marked) this.entries.get(document.uri.toString())!.generation = this.generation - 1;
    return marked;
  }

  /** Drops a closed document's entry. */
  forget(uri: vscode.Uri): void {
    this.entries.get(uri.toString())?.cancel();
    this.entries.delete(uri.toString());
  }

  /**
   * Analyzes a text apart from the keystroke path (Fix All, Analyze Workspace, the report's training plan): off the
   * extension host where a worker serves the document; `readTraining` also reads the training plan (epochs, samples,
   * batch) from the code, which the keystroke path skips. Undefined when the analysis failed (logged) or was superseded
   * by another request of the same purpose for the same document.
   */
  async analyzeText(uri: vscode.Uri, text: string, options: { readTraining?: boolean } = {}): Promise<AnalysisWithFindings | undefined> {
    const readTraining = options.readTraining ?? false;
    // Its own request key: a command's run and the keystroke path's run of the same document do not supersede each other.
    const purpose = readTraining ? "training" : "command";
    try {
      const cellProgram = this.cellProgramOf(uri, text);
      if (cellProgram) {
        const program = await this.runAnywhere(cellProgram.notebook.uri, cellProgram.text, readTraining, purpose).done;
        return program && cellProgram.view(program);
      }
      return await this.runAnywhere(uri, text, readTraining, purpose).done;
    } catch (error) {
      // An analysis on the host that threw: the callers go on with the next file or say that it failed.
      this.log.error(`analysis of ${uri.toString()} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  }

  /** For an open notebook cell: its notebook's program with this text in the cell, and the cell's view of a result. */
  private cellProgramOf(uri: vscode.Uri, text: string): { notebook: vscode.NotebookDocument; text: string; view(program: AnalysisWithFindings): AnalysisWithFindings } | undefined {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const notebook = document && notebookOfCell(document);
    const cell = notebook && document && cellOf(notebook, document);
    if (!notebook || !cell || !isPythonCell(cell)) return undefined;
    // A cell is analyzed as part of its notebook's program (with this text in the cell), and seen from the cell.
    const program = programOfNotebook(notebook, { cell, text });
    return { notebook, text: program.text, view: ({ result, findings }) => cellView(result, findings, program, notebook.uri.path, cell.index) };
  }

  /** One cell's view of its notebook's program analysis, running the program only when it changed since. */
  private async analyzeCell(notebook: vscode.NotebookDocument, cell: vscode.NotebookCell): Promise<AnalysisWithFindings | undefined> {
    const program = programOfNotebook(notebook);
    const key = notebook.uri.toString();
    let run = this.notebookRuns.get(key);
    if (!run || run.text !== program.text || run.generation !== this.generation) {
      // The notebook's cells ask together: one run of the program serves them all (a second request of the same
      // program would supersede the first in the worker and leave its cell without an answer).
      let inFlight = this.notebookPending.get(key);
      if (!inFlight || inFlight.text !== program.text || inFlight.generation !== this.generation) {
        const running = this.runAnywhere(notebook.uri, program.text);
        inFlight = { text: program.text, generation: this.generation, done: running.done };
        this.notebookPending.set(key, inFlight);
      }
      const { generation, done } = inFlight;
      const analysis = await done;
      if (this.notebookPending.get(key)?.done === done) this.notebookPending.delete(key);
      if (!analysis) return undefined;
      run = { text: program.text, generation, ...analysis };
      this.notebookRuns.set(key, run);
    }
    return cellView(run.result, run.findings, program, notebook.uri.path, cell.index);
  }

  /** Drops a closed notebook's shared analysis. */
  forgetNotebook(uri: vscode.Uri): void {
    this.notebookRuns.delete(uri.toString());
  }

  private schedule(document: vscode.TextDocument, delay: number, programKey: string | undefined): Entry {
    const version = document.version;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelRun: (() => void) | undefined;
    let resolveEntry!: (value: DocumentAnalysis | undefined | Promise<DocumentAnalysis | undefined>) => void;
    const promise = new Promise<DocumentAnalysis | undefined>((resolve) => (resolveEntry = resolve));
    // Set when the run is dropped (a newer version, the document closed, a hand-over): an answer the worker sends
    // anyway is not published, or a closed document's figures would reach a new one opened under the same URI.
    let dropped = false;
    const entry: Entry = {
      version,
      programKey,
      generation: this.generation,
      promise,
      waiting: () => timer !== undefined,
      cancel: () => {
        dropped = true;
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        // A newer version supersedes this one: the worker drops the request if it has not started it.
        cancelRun?.();
        resolveEntry(undefined);
      },
      handOver: (next) => {
        dropped = true;
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        cancelRun?.();
        resolveEntry(next.promise);
      },
    };
    void promise.then(() => (entry.finished = true));
    timer = setTimeout(() => {
      timer = undefined;
      // An edit arrived meanwhile: this version is stale, its successor will run.
      if (document.isClosed || document.version !== version || programKeyOf(document) !== programKey) {
        resolveEntry(undefined);
        return;
      }
      const started = Date.now();
      this.analyzeDocument(document, (cancel) => (cancelRun = cancel)).then(
        (analyzed) => {
          if (!analyzed || dropped || document.isClosed) {
            resolveEntry(undefined);
            return;
          }
          const { result, findings } = analyzed;
          const analysis: DocumentAnalysis = { uri: document.uri, version, result, findings, milliseconds: Date.now() - started };
          entry.settled = analysis;
          resolveEntry(analysis);
          if (document.version === version) this.analyzed.fire(analysis);
          this.log.debug(`analyzed ${document.uri.path} v${version}: ${result.models.length} models in ${analysis.milliseconds} ms`);
        },
        (error: unknown) => {
          this.log.error(`analysis of ${document.uri.toString()} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          resolveEntry(undefined);
        },
      );
    }, delay);
    return entry;
  }

  /** A document's analysis: a file on its own, a notebook cell as part of its notebook's program. */
  private async analyzeDocument(document: vscode.TextDocument, started: (cancel: () => void) => void): Promise<AnalysisWithFindings | undefined> {
    const notebook = notebookOfCell(document);
    const cell = notebook && cellOf(notebook, document);
    if (notebook && cell) return isPythonCell(cell) ? this.analyzeCell(notebook, cell) : { result: { file: document.uri.path, models: [], syntaxErrors: [], notes: [] }, findings: [] };
    const running = this.runAnywhere(document.uri, document.getText());
    started(running.cancel);
    return running.done;
  }

  /** Where a file's imports are resolved from: its workspace folder, else its own folder. */
  private rootOf(uri: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? folder.uri.path : uri.path.slice(0, uri.path.lastIndexOf("/")) || "/";
  }

  /**
   * Whether the worker can read this document's imports: one that is sent the workspace's files (browser) serves every
   * document; one that reads the local disk (desktop), only local and unsaved documents.
   */
  private workerServes(uri: vscode.Uri): boolean {
    if (!this.worker?.available) return false;
    if (this.worker.files === "host" || uri.scheme === "untitled") return true;
    if (uri.scheme !== "file" && uri.scheme !== "vscode-notebook-cell") return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return !folder || folder.uri.scheme === "file";
  }

  /**
   * Analysis and rules on the worker thread where it serves the document, else here; undefined when cancelled or
   * when the worker failed (logged). A worker that died is started again and asked once more.
   */
  private runAnywhere(uri: vscode.Uri, text: string, readTraining = false, purpose?: string): { done: Promise<AnalysisWithFindings | undefined>; cancel(): void } {
    const worker = this.worker;
    if (!worker || !this.workerServes(uri)) return { done: Promise.resolve().then(() => this.run(uri, text, readTraining)), cancel: () => undefined };
    const settings = this.settings(uri);
    const request = {
      // Requests of another purpose (the report's plan, a command) and the keystroke path's do not supersede each other.
      key: purpose ? `${uri.toString()}#${purpose}` : uri.toString(),
      file: uri.path,
      text,
      root: this.rootOf(uri),
      budget: { steps: settings["analysis.maxSteps"], milliseconds: settings["analysis.timeoutMs"] },
      rules: ruleSettingsOf(settings),
      readTraining,
      overlays: unsavedTexts(uri, worker.files),
      environment: this.environments?.for(uri),
      torchHubDirs: this.environments?.torchHubDirs,
      huggingFaceCaches: this.environments?.huggingFaceCaches,
      installActions: EDITOR_INSTALL_ACTIONS,
    };
    let cancelled = false;
    let running = worker.analyze(request);
    const done = (async () => {
      for (let attempt = 0; ; attempt++) {
        const outcome = await running.done;
        if (outcome.kind === "analyzed") {
          for (const warning of outcome.warnings) this.log.warn(warning);
          return { result: outcome.result, findings: outcome.findings };
        }
        if (outcome.kind === "cancelled" || cancelled) return undefined;
        this.log.error(`analysis of ${uri.toString()} failed in the worker: ${outcome.message}`);
        // A worker that cannot start at all (its script missing or broken): the host analyzes, as before workers.
        if (!worker.available) return this.run(uri, text, readTraining);
        if (attempt > 0) return undefined;
        running = worker.analyze(request);
      }
    })();
    return {
      done,
      cancel: () => {
        cancelled = true;
        running.cancel();
      },
    };
  }

  /** Logs a rule that failed (the others' findings stand). */
  private onRuleError(file: string): (rule: string, error: unknown) => void {
    return (rule, error) => this.log.warn(`${rule} failed on ${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  /** Analysis and rules here, on the extension host (web; documents the worker cannot read; a worker that cannot start). */
  private run(uri: vscode.Uri, text: string, readTraining = false): AnalysisWithFindings {
    const settings = this.settings(uri);
    return analyzeWithRules(
      this.parser,
      {
        file: uri.path,
        text,
        root: this.rootOf(uri),
        files: this.mirror,
        cache: this.syntax,
        budget: { steps: settings["analysis.maxSteps"], milliseconds: settings["analysis.timeoutMs"] },
        // The training plan costs up to a few hundred ms on a training script: only the report asks for it.
        readTraining,
        environment: this.environments?.for(uri),
        environmentFiles: this.environments?.files,
        torchHubDirs: this.environments?.torchHubDirs,
        huggingFaceCaches: this.environments?.huggingFaceCaches,
        installActions: EDITOR_INSTALL_ACTIONS,
      },
      ruleSettingsOf(settings),
      this.onRuleError(uri.path),
    );
  }

  dispose(): void {
    for (const entry of this.entries.values()) entry.cancel();
    this.entries.clear();
    this.notebookRuns.clear();
    this.notebookPending.clear();
    this.analyzed.dispose();
    this.changeListener.dispose();
    this.syntax.dispose();
    this.worker?.dispose();
  }
}

/** Open documents whose text differs from their saved file (unsaved edits), other than `uri`: the worker reads the rest
 *  from the disk, or (browser) from the files the host sent it, whatever their scheme. */
function unsavedTexts(uri: vscode.Uri, files: "disk" | "host"): [string, string][] {
  const texts: [string, string][] = [];
  for (const document of vscode.workspace.textDocuments) {
    if (document.isClosed || !document.isDirty || document.uri.toString() === uri.toString()) continue;
    if (files === "disk" && document.uri.scheme !== "file") continue;
    // A config file's unsaved edits count too: a training script reads its steps and batch from it.
    if (document.languageId === "python" || document.uri.path.endsWith(".py") || isConfigFile(document.uri)) texts.push([document.uri.path, document.getText()]);
  }
  return texts;
}

/** The notebook state a cell's analysis depends on (undefined for documents that are not notebook cells). */
function programKeyOf(document: vscode.TextDocument): string | undefined {
  const notebook = notebookOfCell(document);
  return notebook && notebookKey(notebook);
}
