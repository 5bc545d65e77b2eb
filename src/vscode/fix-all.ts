import * as vscode from "vscode";
import { applyEdits } from "../core/rules/apply-edits";
import type { AnalysisEngine } from "./analysis-engine";

/** Most fixes one Fix All applies (each is one analysis): a fix that keeps producing findings cannot loop. */
const MAX_PASSES = 200;

/**
 * Greenlight: Fix All in File. As tools/check-fixes.mjs: apply the first fix of one finding, analyze again, repeat,
 * so edits never overlap and each fix sees the text the previous one left; a fix that does not clear its finding is
 * not tried twice. The analyses run off the extension host (the engine's worker) under a cancellable progress
 * notification, and the result is one edit of the document, applied only if it did not change meanwhile.
 * Returns how many fixes were applied.
 */
export async function fixAllInFile(engine: AnalysisEngine, document: vscode.TextDocument): Promise<number> {
  const original = document.getText();
  const version = document.version;
  const name = document.uri.path.split("/").pop();
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Greenlight: fixing ${name}`, cancellable: true },
    async (progress, token) => {
      let text = original;
      let applied = 0;
      const tried = new Set<string>();
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        if (token.isCancellationRequested) return undefined;
        const analysis = await engine.analyzeText(document.uri, text);
        if (!analysis) throw new Error(`the analysis of ${name} failed during Fix All (see the Greenlight log); nothing was changed`);
        const next = analysis.findings.find((f) => f.file === document.uri.path && f.fixes.length > 0 && !tried.has(`${f.rule}:${f.line}:${f.message}`));
        if (!next) break;
        tried.add(`${next.rule}:${next.line}:${next.message}`);
        progress.report({ message: `${next.rule} at line ${next.line} (${applied + 1} fixed)` });
        text = applyEdits(text, next.fixes[0].edits.filter((e) => e.file === document.uri.path));
        applied++;
      }
      return { text, applied };
    },
  );
  if (!outcome || outcome.applied === 0 || outcome.text === original) return 0;
  if (document.isClosed || document.version !== version) {
    // The fixes were computed for the text as it was: applied to an edited document they could land anywhere.
    void vscode.window.showInformationMessage(`Greenlight: ${name} changed while Fix All ran; nothing was applied. Run it again.`);
    return 0;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(original.length)), outcome.text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error("the editor refused the edit");
  return outcome.applied;
}
