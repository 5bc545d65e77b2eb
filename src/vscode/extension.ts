import type * as vscode from "vscode";
import { UndiciHttpClient } from "../node/http-client";
import { activateGreenlight, type GreenlightApi } from "./activate";
import { gridHostBits } from "./grid-bridge";

/** Desktop / remote (Node) entry: grid providers are reached through undici. */
export function activate(context: vscode.ExtensionContext): GreenlightApi {
  return activateGreenlight(context, gridHostBits("node", new UndiciHttpClient()));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
