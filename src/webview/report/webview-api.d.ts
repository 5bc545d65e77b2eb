// What the webview host gives the page: the one object it posts messages through (typed by the contract).
import type { FromWebview } from "../../vscode/report-messages";

declare global {
  /** Provided by VS Code in a webview; may be called once per page. */
  function acquireVsCodeApi(): { postMessage(message: FromWebview): void };
}
