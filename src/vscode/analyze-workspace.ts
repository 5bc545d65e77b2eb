import * as vscode from "vscode";
import { diagnosticsFor } from "./diagnostics";
import { summaryLine } from "./model-summary";
import type { Services } from "./services";

/** Files analyzed between two progress and diagnostics updates of Analyze Workspace. */
const PUBLISH_EVERY = 25;

/**
 * Greenlight: Analyze Workspace. Analyzes every indexed Python file, one at a time off the extension host (the
 * engine's worker), with a cancellable progress notification; results go to Problems, the models view and the log.
 */
export async function analyzeWorkspace(services: Services): Promise<{ files: number; models: number; findings: number; failed: number; cancelled: boolean }> {
  const engine = await services.start();
  await services.mirror.start();
  const paths = services.mirror.allPaths();
  const summary = { files: 0, models: 0, findings: 0, failed: 0, cancelled: false };
  const lines: string[] = [];
  const pending: [vscode.Uri, vscode.Diagnostic[]][] = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "Greenlight: analyzing the workspace", cancellable: true },
    async (progress, token) => {
      for (const [index, path] of paths.entries()) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        // Progress and diagnostics cross to the workbench: sent every PUBLISH_EVERY files, not per file, so a
        // large workspace does not flood it (measured: per-file updates stalled CodeLens answers for seconds).
        if (index % PUBLISH_EVERY === 0) {
          progress.report({ message: `${index + 1}/${paths.length} ${path.split("/").pop()}`, increment: (100 * Math.min(PUBLISH_EVERY, paths.length - index)) / paths.length });
          services.status.setTask("workspace", `Greenlight: analyzing ${index + 1}/${paths.length}`);
          if (pending.length > 0) services.diagnostics.set(pending.splice(0));
        }
        const uri = services.mirror.uriOf(path);
        const text = services.mirror.read(path);
        if (!uri || text === undefined) continue;
        const analysis = await engine.analyzeText(uri, text);
        if (!analysis) {
          // Why is logged by the engine.
          summary.failed++;
          continue;
        }
        const { result, findings } = analysis;
        summary.files++;
        summary.models += result.models.length;
        services.models.update(uri, result.models);
        for (const model of result.models) lines.push(`  ${path.split("/").slice(-2).join("/")}:${model.line}  ${summaryLine(model)}`);
        summary.findings += findings.length;
        pending.push([uri, diagnosticsFor(result, findings, path, text, services.store.valuesFor(uri))]);
        // Yield between files: where the analysis runs on the host (the web), the editor gets its turn.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
  );
  if (pending.length > 0) services.diagnostics.set(pending.splice(0));
  services.status.setTask("workspace", undefined);
  services.log.info(
    `workspace analysis: ${summary.models} models and ${summary.findings} findings in ${summary.files} files${summary.failed ? `, ${summary.failed} failed` : ""}${summary.cancelled ? " (cancelled)" : ""}\n${lines.join("\n")}`,
  );
  services.log.show(true);
  return summary;
}
