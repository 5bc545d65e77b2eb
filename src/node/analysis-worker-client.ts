import { Worker } from "node:worker_threads";
import { AnalysisWorkerClient, type StartWorker } from "../core/analysis-worker-client";
import type { WorkerMessage } from "../core/analysis-protocol";
import { decodeMessage } from "./worker-wire";

/** How the client starts its worker: the bundle's script (or, in tests, the sources through a loader). */
export interface WorkerScript {
  path: string;
  execArgv?: string[];
}

/** Starts src/node/analysis-worker.ts on a worker thread; why it died is logged by the client. */
function nodeWorker(script: WorkerScript): StartWorker {
  return (events) => {
    const worker = new Worker(script.path, { execArgv: script.execArgv });
    // The client and whoever awaits its answer (each waiting CodeLens and inlay-hint request) run in a later task
    // than the decoding, so the host's thread gets back to its event loop in between: two short stretches, not one
    // long one. Errors and the exit go through the same queue, so they keep their order after the messages.
    const later = (deliver: () => void) => void setTimeout(deliver, 0);
    worker.on("message", (bytes: Uint8Array) => {
      let message: WorkerMessage;
      try {
        message = decodeMessage<WorkerMessage>(bytes);
      } catch (error) {
        // Not bytes the worker's encoder wrote: a broken worker script, said as the worker's error.
        const unreadable = new Error(`the analysis worker sent an unreadable message: ${error instanceof Error ? error.message : String(error)}`);
        later(() => events.error(unreadable));
        return;
      }
      later(() => events.message(message));
    });
    worker.on("error", (error) => later(() => events.error(error)));
    worker.on("exit", (code) => later(() => events.exit(code)));
    // The host may exit while the worker still analyzes: the worker must not keep it alive.
    worker.unref();
    return { postMessage: (message) => worker.postMessage(message), terminate: () => void worker.terminate() };
  };
}

/** The desktop's analysis worker: a worker thread that reads saved files from the local disk. */
export function startNodeAnalysisWorker(script: WorkerScript, log: { warn(message: string): void; error(message: string): void }): AnalysisWorkerClient {
  return new AnalysisWorkerClient(nodeWorker(script), log, "disk");
}
