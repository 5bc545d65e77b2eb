import type * as vscode from "vscode";
import { activateGreenlight, type GreenlightApi } from "./activate";

/** Desktop / remote (Node) entry. */
export function activate(context: vscode.ExtensionContext): GreenlightApi {
  return activateGreenlight(context, { kind: "node" });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
