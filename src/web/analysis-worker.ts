// The analysis worker in VS Code for the web: a Web Worker beside the extension host's, running the same service as
// the desktop's worker thread (src/core/analysis-service.ts). It has no disk: the host sends it the parser's
// WebAssembly and the workspace's saved Python files (its mirror), then the unsaved texts with each request.
import type { HostMessage, WorkerMessage } from "../core/analysis-protocol";
import { createAnalysisService } from "../core/analysis-service";
import { memoryModuleFiles } from "../core/interp/module-resolver";
import { overlaidFiles } from "../core/overlaid-files";
import { createPythonParser } from "../core/python/parser";

/** The Web Worker's global scope, as far as this file uses it (the project's lib has no DOM types). */
const scope = globalThis as unknown as {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: "message", listener: (event: { data: HostMessage }) => void): void;
  setTimeout(callback: () => void, milliseconds: number): unknown;
};

/** The workspace's saved Python files by path, as the host's mirror last sent them. */
const saved = new Map<string, string>();

const service = createAnalysisService({
  send: (message) => scope.postMessage(message),
  filesFor: (request) => ({ files: overlaidFiles(memoryModuleFiles(saved), new Map(request.overlays)) }),
  later: (callback) => void scope.setTimeout(callback, 0),
});

scope.addEventListener("message", ({ data: message }) => {
  switch (message.kind) {
    case "parser":
      void createPythonParser({ runtime: message.runtime, grammar: message.grammar }).then(
        (parser) => service.ready(parser),
        (error: unknown) => {
          // Thrown out of the worker: the host sees its error event and says why.
          throw error;
        },
      );
      break;
    case "files":
      if (message.complete) saved.clear();
      for (const path of message.deleted) saved.delete(path);
      for (const [path, text] of message.set) saved.set(path, text);
      break;
    default:
      service.receive(message);
  }
});
