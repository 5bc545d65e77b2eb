import * as vscode from "vscode";
import { analyzeSource, SyntaxCache, type AnalysisResult } from "../core/analyze";
import { EDITOR_INSTALL_ACTIONS, type PythonEnvironments } from "./python-environment";
import type { PythonParser } from "../core/python/parser";
import type { Settings } from "../core/config";
import type { WorkspaceMirror } from "./workspace-mirror";
import { findRules } from "../core/rules/rules";
import type { Finding } from "../core/rules/types";
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
  /** True until the scheduled run starts. */
  waiting(): boolean;
  cancel(): void;
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
  private readonly notebookRuns = new Map<string, { text: string; generation: number; result: AnalysisResult; findings: Finding[] }>();

  constructor(
    private readonly parser: PythonParser,
    private readonly mirror: WorkspaceMirror,
    private readonly settings: () => Settings,
    private readonly log: vscode.LogOutputChannel,
    private readonly environments?: PythonEnvironments,
  ) {
    // tree-sitter re-parses an edited file from its previous tree when told what changed: a keystroke in a
    // 2,000-line file costs a few ms instead of a full parse.
    this.changeListener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      // A cell's edit is an edit of its notebook's program, at the cell's offset there.
      const notebook = notebookOfCell(event.document);
      const start = notebook ? cellStartOffset(notebook, event.document) : 0;
      if (start === undefined) return;
      this.syntax.recordChanges(
        notebook ? notebook.uri.path : event.document.uri.path,
        event.contentChanges.map((change) => ({ offset: start + change.rangeOffset, deletedLength: change.rangeLength, insertedText: change.text })),
      );
    });
  }

  /** How many parses reused the previous tree (incremental) and how many started afresh, since activation. */
  get parseCounts(): { incremental: number; full: number } {
    return { ...this.syntax.parses };
  }

  /** The analysis of the document's current version: cached, or scheduled (debounced after an edit). */
  analyze(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentAnalysis | undefined> {
    const key = document.uri.toString();
    let entry = this.entries.get(key);
    const programKey = programKeyOf(document);
    if (entry && entry.programKey !== programKey) {
      // Another cell of the notebook changed (or the cells moved): this cell's view is recomputed after the pause.
      entry.cancel();
      entry = this.schedule(document, this.settings()["analysis.debounceMs"], programKey);
      this.entries.set(key, entry);
    } else if (entry && entry.version === document.version && entry.generation !== this.generation && entry.waiting()) {
      // Only files elsewhere changed and this version's run has not started: it will read them when it does.
      // (Rescheduling here would starve the document while a checkout streams in thousands of files.)
      entry.generation = this.generation;
    } else if (!entry || entry.version !== document.version || entry.generation !== this.generation) {
      // After an edit: wait for typing to pause; first look, or only other files changed: analyze at once.
      const delay = entry && entry.version !== document.version ? this.settings()["analysis.debounceMs"] : 0;
      entry?.cancel();
      entry = this.schedule(document, delay, programKey);
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

  /** The finished analysis of the document's current version, if there is one (never waits). */
  peek(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry && entry.version === document.version && entry.generation === this.generation && entry.programKey === programKeyOf(document) ? entry.settled : undefined;
  }

  /** Forgets every cached result (settings or files on disk changed); open documents re-analyze on next ask. */
  invalidate(): void {
    this.generation++;
  }

  /** Drops a closed document's entry. */
  forget(uri: vscode.Uri): void {
    this.entries.get(uri.toString())?.cancel();
    this.entries.delete(uri.toString());
  }

  /**
   * Analyzes text now (workspace analysis of files that are not open, fix-all passes, the report); `readTraining`
   * also reads the training plan (epochs, samples, batch) from the code, which the keystroke path skips.
   */
  analyzeText(uri: vscode.Uri, text: string, options: { readTraining?: boolean } = {}): { result: AnalysisResult; findings: Finding[] } {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const notebook = document && notebookOfCell(document);
    const cell = notebook && document && cellOf(notebook, document);
    if (notebook && cell && isPythonCell(cell)) {
      // A cell is analyzed as part of its notebook's program (with this text in the cell), and seen from the cell.
      const program = programOfNotebook(notebook, { cell, text });
      const result = this.run(notebook.uri, program.text, options.readTraining ?? false);
      return cellView(result, this.findings(notebook.uri, program.text, result), program, notebook.uri.path, cell.index);
    }
    const result = this.run(uri, text, options.readTraining ?? false);
    return { result, findings: this.findings(uri, text, result) };
  }

  /** One cell's view of its notebook's program analysis, running the program only when it changed since. */
  private analyzeCell(notebook: vscode.NotebookDocument, cell: vscode.NotebookCell): { result: AnalysisResult; findings: Finding[] } {
    const program = programOfNotebook(notebook);
    const key = notebook.uri.toString();
    let run = this.notebookRuns.get(key);
    if (!run || run.text !== program.text || run.generation !== this.generation) {
      const result = this.run(notebook.uri, program.text);
      run = { text: program.text, generation: this.generation, result, findings: this.findings(notebook.uri, program.text, result) };
      this.notebookRuns.set(key, run);
    }
    return cellView(run.result, run.findings, program, notebook.uri.path, cell.index);
  }

  /** Drops a closed notebook's shared analysis. */
  forgetNotebook(uri: vscode.Uri): void {
    this.notebookRuns.delete(uri.toString());
  }

  /** The rules' findings on this text and its analysis; a rule that fails is logged and skipped. */
  private findings(uri: vscode.Uri, text: string, result: AnalysisResult): Finding[] {
    const settings = this.settings();
    // The analysis just parsed and lowered this text: the rules read the same tree instead of parsing it again.
    const cached = this.syntax.lookup(uri.path, text);
    const tree = cached?.tree ?? this.parser.parse(text);
    try {
      return findRules({
        file: uri.path,
        text,
        tree,
        syntax: cached?.syntax,
        analysis: result,
        settings: { severities: settings["rules.severities"], pruneAmount: settings["rules.pruneAmount"], hardware: settings.hardware, host: settings.host, batch: settings.batchSize, gpus: settings.gpus },
        onRuleError: (rule, error) => this.log.warn(`${rule} failed on ${uri.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      });
    } finally {
      if (!cached) tree.delete();
    }
  }

  private schedule(document: vscode.TextDocument, delay: number, programKey: string | undefined): Entry {
    const version = document.version;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let resolveEntry!: (value: DocumentAnalysis | undefined) => void;
    const promise = new Promise<DocumentAnalysis | undefined>((resolve) => (resolveEntry = resolve));
    const entry: Entry = {
      version,
      programKey,
      generation: this.generation,
      promise,
      waiting: () => timer !== undefined,
      cancel: () => {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        resolveEntry(undefined);
      },
    };
    timer = setTimeout(() => {
      timer = undefined;
      // An edit arrived meanwhile: this version is stale, its successor will run.
      if (document.isClosed || document.version !== version || programKeyOf(document) !== programKey) {
        resolveEntry(undefined);
        return;
      }
      const started = Date.now();
      try {
        const { result, findings } = this.analyzeDocument(document);
        const analysis: DocumentAnalysis = { uri: document.uri, version, result, findings, milliseconds: Date.now() - started };
        entry.settled = analysis;
        resolveEntry(analysis);
        if (document.version === version) this.analyzed.fire(analysis);
        this.log.debug(`analyzed ${document.uri.path} v${version}: ${result.models.length} models in ${analysis.milliseconds} ms`);
      } catch (error) {
        this.log.error(`analysis of ${document.uri.toString()} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        resolveEntry(undefined);
      }
    }, delay);
    return entry;
  }

  /** A document's analysis: a file on its own, a notebook cell as part of its notebook's program. */
  private analyzeDocument(document: vscode.TextDocument): { result: AnalysisResult; findings: Finding[] } {
    const notebook = notebookOfCell(document);
    const cell = notebook && cellOf(notebook, document);
    if (notebook && cell) return isPythonCell(cell) ? this.analyzeCell(notebook, cell) : { result: { file: document.uri.path, models: [], syntaxErrors: [], notes: [] }, findings: [] };
    const text = document.getText();
    const result = this.run(document.uri, text);
    return { result, findings: this.findings(document.uri, text, result) };
  }

  private run(uri: vscode.Uri, text: string, readTraining = false): AnalysisResult {
    const settings = this.settings();
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const root = folder ? folder.uri.path : uri.path.slice(0, uri.path.lastIndexOf("/")) || "/";
    return analyzeSource(this.parser, {
      file: uri.path,
      text,
      root,
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
    });
  }

  dispose(): void {
    for (const entry of this.entries.values()) entry.cancel();
    this.entries.clear();
    this.notebookRuns.clear();
    this.analyzed.dispose();
    this.changeListener.dispose();
    this.syntax.dispose();
  }
}

/** The notebook state a cell's analysis depends on (undefined for documents that are not notebook cells). */
function programKeyOf(document: vscode.TextDocument): string | undefined {
  const notebook = notebookOfCell(document);
  return notebook && notebookKey(notebook);
}
