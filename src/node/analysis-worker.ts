// The analysis worker (desktop): runs the analyzer and the rules on a worker thread, so a slow file never holds up
// the editor's extension host. It reads saved files from disk and gets unsaved texts from the host with each
// request; the host keeps everything that needs `vscode`. Messages: src/core/analysis-protocol.ts.
import { parentPort } from "node:worker_threads";
import { SyntaxCache } from "../core/analyze";
import { cloneSafeResult, type AnalyzeMessage, type HostMessage, type WorkerMessage } from "../core/analysis-protocol";
import { analyzeWithRules } from "../core/document-analysis";
import { createPythonParser, type PythonParser } from "../core/python/parser";
import { FileSnapshots } from "./file-snapshots";
import { overlaidFiles } from "./overlaid-files";
import { readParserWasm } from "./wasm";

const port = parentPort;
if (!port) throw new Error("analysis-worker.js runs as a worker thread");

/** The disk, with file texts kept while unchanged: warm re-analysis reads a library's thousands of files by stat only. */
const disk = new FileSnapshots();
/** Lowered syntax per (path, text), kept across requests: incremental parsing lives here, beside the parser. */
const cache = new SyntaxCache();
const queue: AnalyzeMessage[] = [];
let parser: PythonParser | undefined;
let draining = false;

const send = (message: WorkerMessage) => port.postMessage(message);

port.on("message", (message: HostMessage) => {
  switch (message.kind) {
    case "analyze": {
      // A newer version of the same document supersedes a queued older one.
      for (let i = queue.length - 1; i >= 0; i--) {
        if (queue[i]!.key === message.key) send({ kind: "cancelled", id: queue.splice(i, 1)[0]!.id });
      }
      queue.push(message);
      scheduleDrain();
      break;
    }
    case "cancel": {
      const index = queue.findIndex((queued) => queued.id === message.id);
      if (index >= 0) {
        queue.splice(index, 1);
        send({ kind: "cancelled", id: message.id });
      }
      break;
    }
    case "changes":
      cache.recordChanges(message.path, message.changes);
      break;
    case "parseCounts":
      send({ kind: "parseCounts", id: message.id, ...cache.parses });
      break;
  }
});

/** Runs queued requests one per turn of the event loop, so cancellations that arrive meanwhile are seen first. */
function scheduleDrain(): void {
  if (draining || !parser) return;
  draining = true;
  setImmediate(() => {
    draining = false;
    const next = queue.shift();
    if (next && parser) run(parser, next);
    if (queue.length > 0) scheduleDrain();
  });
}

function run(python: PythonParser, request: AnalyzeMessage): void {
  const started = Date.now();
  const warnings: string[] = [];
  // Each analysis sees the disk as it is now: what exists is looked at again, kept texts re-validated by stat.
  disk.refresh();
  try {
    const { result, findings } = analyzeWithRules(
      python,
      {
        file: request.file,
        text: request.text,
        root: request.root,
        files: overlaidFiles(disk, new Map(request.overlays)),
        cache,
        budget: request.budget,
        readTraining: request.readTraining,
        environment: request.environment,
        // The worker runs on desktop only, where the environment and caches are files on disk (as the host reads them).
        environmentFiles: disk,
        torchHubDirs: request.torchHubDirs,
        huggingFaceCaches: request.huggingFaceCaches,
        installActions: request.installActions,
      },
      request.rules,
      (rule, error) => warnings.push(`${rule} failed on ${request.file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    );
    send({ kind: "analyzed", id: request.id, result: cloneSafeResult(result), findings, milliseconds: Date.now() - started, warnings });
  } catch (error) {
    send({ kind: "failed", id: request.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

void createPythonParser(readParserWasm()).then(
  (loaded) => {
    parser = loaded;
    send({ kind: "ready" });
    scheduleDrain();
  },
  (error: unknown) => {
    // The host sees the worker exit with this error and says why.
    throw error;
  },
);
