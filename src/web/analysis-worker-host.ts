import * as vscode from "vscode";
import { AnalysisWorkerClient, type StartWorker } from "../core/analysis-worker-client";
import type { HostMessage, WorkerMessage } from "../core/analysis-protocol";
import type { WorkspaceMirror } from "../vscode/workspace-mirror";

/** A browser Web Worker, as far as the client uses it (the project's lib has no DOM types). */
interface BrowserWorker {
  postMessage(message: HostMessage): void;
  terminate(): void;
  addEventListener(type: "message", listener: (event: { data: WorkerMessage }) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string; preventDefault(): void }) => void): void;
}

type BrowserWorkerConstructor = new (url: string, options?: { name?: string }) => BrowserWorker;

/**
 * Starts dist/web/analysis-worker.js and sends it the parser's WebAssembly. A Web Worker has no exit: an error that
 * reaches its top (or a parser that cannot be read) ends it, and the client starts another on the next request.
 */
function webWorker(script: string, Worker: BrowserWorkerConstructor, wasm: Promise<[Uint8Array, Uint8Array]>): StartWorker {
  return (events) => {
    const worker = new Worker(script, { name: "Greenlight analysis" });
    let ended = false;
    const end = (error: Error) => {
      if (ended) return;
      ended = true;
      events.error(error);
      worker.terminate();
      events.exit(undefined);
    };
    worker.addEventListener("message", ({ data }) => events.message(data));
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      end(new Error(event.message || `the analysis worker ${script} could not run`));
    });
    wasm.then(
      ([runtime, grammar]) => !ended && worker.postMessage({ kind: "parser", runtime, grammar }),
      (error: unknown) => end(new Error(`could not read the parser for the analysis worker: ${error instanceof Error ? error.message : String(error)}`)),
    );
    return {
      postMessage: (message) => worker.postMessage(message),
      terminate: () => {
        ended = true;
        worker.terminate();
      },
    };
  };
}

/** Every file of the mirror, replacing what the worker held. */
function allFiles(mirror: WorkspaceMirror): HostMessage {
  return { kind: "files", complete: true, set: mirror.savedFiles(), deleted: [] };
}

/** The browser's analysis worker: follows the workspace mirror, whose files it reads instead of a disk. */
class WebAnalysisWorker extends AnalysisWorkerClient {
  private readonly subscription: vscode.Disposable;

  constructor(start: StartWorker, log: vscode.LogOutputChannel, mirror: WorkspaceMirror) {
    super(start, log, "host", (worker) => worker.postMessage(allFiles(mirror)));
    // Indexing fills the mirror after the worker may have started: the whole set once it is done, then each change.
    void mirror.start().then(() => this.post(allFiles(mirror)));
    this.subscription = mirror.onDidChange((paths) => {
      const set: [string, string][] = [];
      const deleted: string[] = [];
      for (const path of paths) {
        const text = mirror.savedText(path);
        if (text === undefined) deleted.push(path);
        else set.push([path, text]);
      }
      this.post({ kind: "files", complete: false, set, deleted });
    });
  }

  override dispose(): void {
    this.subscription.dispose();
    super.dispose();
  }
}

/**
 * VS Code for the web: the analysis runs in a Web Worker started from the extension host's own worker (VS Code's web
 * host starts nested workers from the extension's URL). It has no disk, so each started worker gets the parser's
 * WebAssembly and the mirror's files, and then the mirror's changes. Undefined where the host has no Worker.
 */
export function startWebAnalysisWorker(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, mirror: WorkspaceMirror): AnalysisWorkerClient | undefined {
  const Worker = (globalThis as { Worker?: BrowserWorkerConstructor }).Worker;
  if (typeof Worker !== "function") {
    log.warn("this host cannot start a Web Worker: analyses run on the extension host");
    return undefined;
  }
  const script = vscode.Uri.joinPath(extensionUri, "dist", "web", "analysis-worker.js").toString(true);
  const read = (name: string) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, "dist", name));
  const wasm = Promise.all([read("web-tree-sitter.wasm"), read("tree-sitter-python.wasm")]);
  return new WebAnalysisWorker(webWorker(script, Worker, wasm), log, mirror);
}
