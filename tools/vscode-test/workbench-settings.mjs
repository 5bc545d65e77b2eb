// Settings the test workbench runs with, in both hosts (code-server: user settings; web: the test workspace's
// .vscode/settings.json, since the web workbench keeps user settings in the browser's storage).

/** Quiet, offline, untrusted-prompt-free workbench settings, each switching off something that is not under test. */
export const WORKBENCH_SETTINGS = {
  "workbench.startupEditor": "none",
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "security.workspace.trust.enabled": false,
  "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true,
  // The notebook editor's selection highlight reads `anchorCell[1]` after awaiting the active cell's editor; when a
  // test moves cells the anchor is gone by then and the workbench throws a TypeError (VS Code 1.137-1.139). It is
  // not under test, so it is off.
  "editor.selectionHighlight": false,
};
