import type * as vscode from "vscode";
import { UndiciHttpClient } from "../node/http-client";
import { diskEnvironmentHost } from "../node/python-environment";
import { activateGreenlight, type GreenlightApi } from "./activate";
import { gridHostBits } from "./grid-bridge";

/** Desktop / remote (Node) entry: grid providers are reached through undici; the Python environment is read from disk. */
export function activate(context: vscode.ExtensionContext): GreenlightApi {
  // The user's Python environment and the Hugging Face cache are read from disk (never run), like the CLI does.
  const environment = diskEnvironmentHost(process.env);
  return activateGreenlight(context, { ...gridHostBits("node", new UndiciHttpClient()), environment });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
