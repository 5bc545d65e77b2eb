import * as vscode from "vscode";
import { analyzeSource, SyntaxCache, type AnalysisResult } from "../core/analyze";
import { EDITOR_INSTALL_ACTIONS, type PythonEnvironments } from "./python-environment";
import type { PythonParser } from "../core/python/parser";
import type { Settings } from "../core/config";
import type { WorkspaceMirror } from "./workspace-mirror";
import { findRules } from "../core/rules/rules";
import type { Finding } from "../core/rules/types";

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
      this.syntax.recordChanges(
        event.document.uri.path,
        event.contentChanges.map((change) => ({ offset: change.rangeOffset, deletedLength: change.rangeLength, insertedText: change.text })),
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
    if (entry && entry.version === document.version && entry.generation !== this.generation && entry.waiting()) {
      // Only files elsewhere changed and this version's run has not started: it will read them when it does.
      // (Rescheduling here would starve the document while a checkout streams in thousands of files.)
      entry.generation = this.generation;
    } else if (!entry || entry.version !== document.version || entry.generation !== this.generation) {
      // After an edit: wait for typing to pause; first look, or only other files changed: analyze at once.
      const delay = entry && entry.version !== document.version ? this.settings()["analysis.debounceMs"] : 0;
      entry?.cancel();
      entry = this.schedule(document, delay);
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
    return entry && entry.version === document.version && entry.generation === this.generation ? entry.settled : undefined;
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
    const result = this.run(uri, text, options.readTraining ?? false);
    return { result, findings: this.findings(uri, text, result) };
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
        settings: { severities: settings["rules.severities"], pruneAmount: settings["rules.pruneAmount"], hardware: settings.hardware, host: settings.host, batch: settings.batchSize },
        onRuleError: (rule, error) => this.log.warn(`${rule} failed on ${uri.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      });
    } finally {
      if (!cached) tree.delete();
    }
  }

  private schedule(document: vscode.TextDocument, delay: number): Entry {
    const version = document.version;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let resolveEntry!: (value: DocumentAnalysis | undefined) => void;
    const promise = new Promise<DocumentAnalysis | undefined>((resolve) => (resolveEntry = resolve));
    const entry: Entry = {
      version,
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
      if (document.isClosed || document.version !== version) {
        resolveEntry(undefined);
        return;
      }
      const started = Date.now();
      try {
        const text = document.getText();
        const result = this.run(document.uri, text);
        const findings = this.findings(document.uri, text, result);
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
      installActions: EDITOR_INSTALL_ACTIONS,
    });
  }

  dispose(): void {
    for (const entry of this.entries.values()) entry.cancel();
    this.entries.clear();
    this.analyzed.dispose();
    this.changeListener.dispose();
    this.syntax.dispose();
  }
}
