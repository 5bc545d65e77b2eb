// The page's one channel to the extension: VS Code allows acquireVsCodeApi() once per page, so it is called here.
import type { FromWebview } from "../../vscode/report-messages";

const vscode = acquireVsCodeApi();

/** Sends the extension a message of the contract. */
export function post(message: FromWebview): void {
  vscode.postMessage(message);
}
