import * as vscode from "vscode";
import type { IntensitySource } from "./energy-bridge";
import type { ReportPanel } from "./report-panel";
import type { ConfigRefresh } from "./config-file-watch";

/** The command the integration tests read the probes with; registered only when the host runs the extension's tests. */
export const TEST_PROBES_COMMAND = "greenlight.test.probes";

/**
 * State no VS Code API lets a test observe (what the report page says it drew, the Explorer view's rows, the workspace
 * index, the status bar's grid reading, the parser's reuse), read-only. What VS Code shows a test (CodeLens, hovers,
 * diagnostics, documents, the report's export) is observed there, not here. Not part of what activate() returns: a
 * user's editor never has it.
 */
export interface TestProbes {
  /** Resolves when tree-sitter is loaded and providers are registered (rejects when it cannot load). */
  ready(): Promise<void>;
  /** Resolves when the workspace mirror finished its first indexing. */
  indexed(): Promise<void>;
  /** How many Python files the workspace mirror holds now (the load test watches indexing progress with it). */
  indexedFiles(): number;
  /** The report calculator's first values and what the page says it shows (pre-filled from the code's training plan). */
  reportCalculator(): ReturnType<ReportPanel["calculator"]>;
  /** The grid intensity every surface uses now (the status bar's reading), with its source. */
  gridIntensity(): IntensitySource;
  /** What the open report's page says it drew of its model (heading, grouped chart labels, module tree rows, energy
   *  lines); undefined until it has drawn. A webview's page cannot be read from outside it, so it says so itself. */
  reportView(): ReportPanel["shownView"];
  /** How many models the Explorer's Greenlight view lists. */
  listedModels(): number;
  /** How many parses since activation reused the previous tree after an edit, and how many started afresh. */
  parseCounts(): Promise<{ incremental: number; full: number }>;
  /** The status bar's target item (hardware, precision, batch) as shown: text, tooltip, and whether it is visible. */
  targetStatus(): { text: string; tooltip: string; visible: boolean };
  /** The grid status bar item as shown (text, tooltip, screen-reader label); undefined where the host has none. */
  gridStatus(): { text: string; tooltip: string; label: string } | undefined;
  /** What the user was told about settings levels (a value overridden or ignored where it is set), oldest first. */
  settingNotices(): string[];
  /** Each settled burst of config file changes (paths), with the open documents it analyzed again, oldest first. */
  configRefreshes(): ConfigRefresh[];
}

/** Registers the probes' command when VS Code runs the extension under its tests (ExtensionMode.Test), else nothing. */
export function registerTestProbes(context: vscode.ExtensionContext, probes: TestProbes): void {
  if (context.extensionMode !== vscode.ExtensionMode.Test) return;
  context.subscriptions.push(vscode.commands.registerCommand(TEST_PROBES_COMMAND, () => probes));
}
