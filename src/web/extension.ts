import type * as vscode from "vscode";
import { activateGreenlight, type GreenlightApi } from "../vscode/activate";
import { gridHostBits } from "../vscode/grid-bridge";
import { FetchHttpClient } from "./http-client";

/** Browser (VS Code for the web) entry: the same surfaces; workspace.fs reads files and the .wasm, fetch the grid. */
export function activate(context: vscode.ExtensionContext): GreenlightApi {
  return activateGreenlight(context, gridHostBits("web", new FetchHttpClient()));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
