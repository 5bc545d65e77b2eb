// The analysis worker's side of the message contract (src/core/analysis-protocol.ts), shared by the desktop worker
// thread (src/node/analysis-worker.ts) and the browser's Web Worker (src/web/analysis-worker.ts): a queue where a
// newer request for the same document supersedes a queued older one, incremental parses kept between requests, and
// one answer per request. The worker's entry supplies the files, the parser and its event loop.
import { SyntaxCache, type WorkspaceFiles } from "./analyze";
import { cloneSafeResult, type AnalyzeMessage, type HostMessage, type WorkerMessage } from "./analysis-protocol";
import { analyzeWithRules } from "./document-analysis";
import type { PythonParser } from "./python/parser";

/** What the service needs from the worker it runs in. */
export interface AnalysisServiceHost {
  send(message: WorkerMessage): void;
  /** The files one request reads (its unsaved texts over the worker's view of the workspace), and the environment's. */
  filesFor(request: AnalyzeMessage): { files: WorkspaceFiles; environmentFiles?: WorkspaceFiles };
  /** Runs a callback on a later turn of the worker's event loop, so messages that arrived meanwhile are seen first. */
  later(callback: () => void): void;
  /** The analysis budget's clock in ms: the worker thread's CPU time where the host has one (else wall time). */
  now?: () => number;
}

/** The worker's message handler; requests wait until `ready` hands it the parser. */
export interface AnalysisService {
  receive(message: HostMessage): void;
  ready(parser: PythonParser): void;
}

/** Creates the service of one worker. */
export function createAnalysisService(host: AnalysisServiceHost): AnalysisService {
  /** Lowered syntax per (path, text), kept across requests: incremental parsing lives here, beside the parser. */
  const cache = new SyntaxCache();
  const queue: AnalyzeMessage[] = [];
  let parser: PythonParser | undefined;
  let draining = false;

  const scheduleDrain = (): void => {
    if (draining || !parser) return;
    draining = true;
    host.later(() => {
      draining = false;
      const next = queue.shift();
      if (next && parser) run(parser, next);
      if (queue.length > 0) scheduleDrain();
    });
  };

  const run = (python: PythonParser, request: AnalyzeMessage): void => {
    const started = Date.now();
    const warnings: string[] = [];
    try {
      const { files, environmentFiles } = host.filesFor(request);
      const { result, findings } = analyzeWithRules(
        python,
        {
          file: request.file,
          text: request.text,
          root: request.root,
          files,
          cache,
          budget: request.budget,
          readTraining: request.readTraining,
          environment: request.environment,
          environmentFiles,
          torchHubDirs: request.torchHubDirs,
          huggingFaceCaches: request.huggingFaceCaches,
          installActions: request.installActions,
          now: host.now,
        },
        request.rules,
        (rule, error) => warnings.push(`${rule} failed on ${request.file}: ${describe(error)}`),
      );
      host.send({ kind: "analyzed", id: request.id, result: cloneSafeResult(result), findings, milliseconds: Date.now() - started, warnings });
    } catch (error) {
      host.send({ kind: "failed", id: request.id, message: describe(error) });
    }
  };

  return {
    receive(message) {
      switch (message.kind) {
        case "analyze": {
          // A newer version of the same document supersedes a queued older one.
          for (let i = queue.length - 1; i >= 0; i--) {
            if (queue[i]!.key === message.key) host.send({ kind: "cancelled", id: queue.splice(i, 1)[0]!.id });
          }
          queue.push(message);
          scheduleDrain();
          break;
        }
        case "cancel": {
          const index = queue.findIndex((queued) => queued.id === message.id);
          if (index >= 0) {
            queue.splice(index, 1);
            host.send({ kind: "cancelled", id: message.id });
          }
          break;
        }
        case "changes":
          cache.recordChanges(message.path, message.changes);
          break;
        case "parseCounts":
          host.send({ kind: "parseCounts", id: message.id, ...cache.parses });
          break;
        default:
          // Messages for the worker's entry (the browser's files and parser): not the service's.
          break;
      }
    },
    ready(loaded) {
      parser = loaded;
      host.send({ kind: "ready" });
      scheduleDrain();
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
