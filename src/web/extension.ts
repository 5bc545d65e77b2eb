import type * as vscode from "vscode";
import { activateGreenlight, type GreenlightApi } from "../vscode/activate";

/** Browser (VS Code for the web) entry: the same surfaces; workspace.fs reads files and the .wasm. */
export function activate(context: vscode.ExtensionContext): GreenlightApi {
  return activateGreenlight(context, { kind: "web" });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
