import type * as vscode from "vscode";
import type { WorkspaceMirror } from "../vscode/workspace-mirror";
import { activateGreenlight } from "../vscode/activate";
import { gridHostBits } from "../vscode/grid-bridge";
import { FetchHttpClient } from "./http-client";
import { startWebAnalysisWorker } from "./analysis-worker-host";

/** Browser (VS Code for the web) entry: the same surfaces; workspace.fs reads files and the .wasm, fetch the grid;
 *  analyses run in a Web Worker (dist/web/analysis-worker.js). */
export function activate(context: vscode.ExtensionContext): void {
  const analysisWorker = (log: vscode.LogOutputChannel, mirror: WorkspaceMirror) => startWebAnalysisWorker(context.extensionUri, log, mirror);
  activateGreenlight(context, { ...gridHostBits("web", new FetchHttpClient()), analysisWorker });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
