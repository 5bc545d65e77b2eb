import type * as vscode from "vscode";
import { join } from "node:path";
import { startNodeAnalysisWorker } from "../node/analysis-worker-client";
import { UndiciHttpClient } from "../node/http-client";
import { diskEnvironmentHost } from "../node/python-environment";
import { activateGreenlight } from "./activate";
import { gridHostBits } from "./grid-bridge";

/** Desktop / remote (Node) entry: grid providers are reached through undici; the Python environment is read from disk. */
export function activate(context: vscode.ExtensionContext): void {
  // The user's Python environment and the Hugging Face cache are read from disk (never run), like the CLI does.
  const environment = diskEnvironmentHost(process.env);
  // Analyses run on a worker thread beside this bundle (dist/analysis-worker.js): a slow file never stalls the host.
  const analysisWorker = (log: vscode.LogOutputChannel) => startNodeAnalysisWorker({ path: join(__dirname, "analysis-worker.js") }, log);
  activateGreenlight(context, { ...gridHostBits("node", new UndiciHttpClient()), environment, analysisWorker });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
