// The one message contract between the editor's host and its analysis worker (desktop: a worker thread; the
// browser: a Web Worker). Every message is structured-clone data: no functions, no class instances, no syntax trees.
import type { AnalysisResult } from "./analyze";
import type { InstallActions, PythonEnvironment } from "./environment/python-environment";
import type { TextChange } from "./python/text-changes";
import type { Finding, RuleSettings } from "./rules/types";

/** Analyze one text (a file, or a notebook's program) as the in-process engine would. */
export interface AnalyzeMessage {
  kind: "analyze";
  id: number;
  /** Requests with the same key supersede each other: a queued older one is dropped unanswered-as-cancelled. */
  key: string;
  file: string;
  text: string;
  root: string;
  budget: { steps: number; milliseconds: number };
  rules: RuleSettings;
  readTraining: boolean;
  /** Texts of open documents that differ from the disk (unsaved edits), by path: they win over the files. */
  overlays: [string, string][];
  environment?: PythonEnvironment;
  torchHubDirs?: string[];
  /** Hugging Face cache folders (read from disk like the environment). */
  huggingFaceCaches?: string[];
  installActions?: InstallActions;
}

/** Drop a request that has not started (a newer version of its document arrived). */
export interface CancelMessage {
  kind: "cancel";
  id: number;
}

/** Edits typed into a file since its last parse, so the worker's next parse of it is incremental. */
export interface ChangesMessage {
  kind: "changes";
  path: string;
  changes: TextChange[];
}

/** Ask for the worker's parse counts (incremental vs. full). */
export interface ParseCountsMessage {
  kind: "parseCounts";
  id: number;
}

/** Browser: the parser's WebAssembly (the Web Worker has no disk to read it from); sent first. */
export interface ParserMessage {
  kind: "parser";
  runtime: Uint8Array;
  grammar: Uint8Array;
}

/** Browser: the workspace's saved Python files as the host's mirror holds them (the Web Worker has no disk). */
export interface FilesMessage {
  kind: "files";
  /** True: these are all the files (after a start, or once indexing finished); false: changes to the last set. */
  complete: boolean;
  set: [string, string][];
  deleted: string[];
}

/** Everything the host sends to the worker. */
export type HostMessage = AnalyzeMessage | CancelMessage | ChangesMessage | ParseCountsMessage | ParserMessage | FilesMessage;

/** The worker's answers, each to the request with the same id. */
export type WorkerMessage =
  | { kind: "analyzed"; id: number; result: AnalysisResult; findings: Finding[]; milliseconds: number; warnings: string[] }
  | { kind: "cancelled"; id: number }
  | { kind: "failed"; id: number; message: string }
  | { kind: "parseCounts"; id: number; incremental: number; full: number }
  /** Sent once the parser is loaded and the worker takes requests. */
  | { kind: "ready" };

/** What crosses the seam of a result: the syntax of imported functions stays in the worker (only its rules read it). */
export function cloneSafeResult(result: AnalysisResult): AnalysisResult {
  const { importedFunctions: _omitted, ...rest } = result;
  return rest;
}

/** An analyze request before the client numbers it. */
export type AnalyzeRequestMessage = Omit<AnalyzeMessage, "kind" | "id">;

/** The answer to one analyze request: its result, or why there is none. */
export type AnalyzeOutcome = Extract<WorkerMessage, { kind: "analyzed" | "cancelled" | "failed" }>;

/** The host's side of the contract: what the editor's engine calls (a worker thread or a Web Worker behind it). */
export interface AnalysisWorkerHandle {
  /** False once the worker could not be started again (the engine then analyzes in-process). */
  readonly available: boolean;
  /** Where the worker reads saved files: the local disk (desktop), or the copy the host sends it (browser). */
  readonly files: "disk" | "host";
  analyze(request: AnalyzeRequestMessage): { done: Promise<AnalyzeOutcome>; cancel(): void };
  recordChanges(path: string, changes: TextChange[]): void;
  parseCounts(): Promise<{ incremental: number; full: number }>;
  dispose(): void;
}
