// The analysis worker (desktop): runs the analyzer and the rules on a worker thread, so a slow file never holds up
// the editor's extension host. It reads saved files from disk and gets unsaved texts from the host with each
// request; the host keeps everything that needs `vscode`. Messages: src/core/analysis-protocol.ts; the queue and the
// answers: src/core/analysis-service.ts.
import { parentPort } from "node:worker_threads";
import type { HostMessage } from "../core/analysis-protocol";
import { createAnalysisService } from "../core/analysis-service";
import { createPythonParser } from "../core/python/parser";
import { FileSnapshots } from "./file-snapshots";
import { overlaidFiles } from "../core/overlaid-files";
import { readParserWasm } from "./wasm";
import { threadCpuClock } from "./cpu-clock";
import { encodeMessage } from "./worker-wire";

const port = parentPort;
if (!port) throw new Error("analysis-worker.js runs as a worker thread");

/** The disk, with file texts kept while unchanged: warm re-analysis reads a library's thousands of files by stat only. */
const disk = new FileSnapshots();

const service = createAnalysisService({
  // As bytes the host decodes in its handler (worker-wire.ts).
  send: (message) => port.postMessage(encodeMessage(message)),
  filesFor(request) {
    // Each analysis sees the disk as it is now: what exists is looked at again, kept texts re-validated by stat.
    disk.refresh();
    // The environment and caches are files on disk here (as the host reads them).
    return { files: overlaidFiles(disk, new Map(request.overlays)), environmentFiles: disk };
  },
  later: (callback) => setImmediate(callback),
  // This thread's CPU time where Node has the clock: the editor's answer does not change with the machine's load.
  now: threadCpuClock(),
});

port.on("message", (message: HostMessage) => service.receive(message));

void createPythonParser(readParserWasm()).then(
  (loaded) => service.ready(loaded),
  (error: unknown) => {
    // The host sees the worker exit with this error and says why.
    throw error;
  },
);
