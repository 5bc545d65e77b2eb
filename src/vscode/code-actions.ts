import * as vscode from "vscode";
import type { Finding } from "../core/rules/types";
import type { AnalysisEngine } from "./analysis-engine";
import { DIAGNOSTIC_SOURCE, UNRESOLVED_CODE, inputsText, unresolvedLine } from "./diagnostics";
import { inputPragmaEdit } from "./pragma";

/** A rule fix's edits as a WorkspaceEdit (edits name their file by path; this document's path maps to its URI). */
export function fixEdit(document: vscode.TextDocument, edits: Finding["fixes"][number]["edits"]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of edits) {
    const uri = change.file === document.uri.path ? document.uri : document.uri.with({ path: change.file });
    const { start, end } = change.range;
    edit.replace(uri, new vscode.Range(start.line, start.character, end.line, end.character), change.newText);
  }
  return edit;
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

/**
 * Quick fixes for Greenlight's diagnostics: each rule fix (quantize, prune, inference_mode...), "fix all" for the
 * file, and for a partly resolved model: pin the input it was estimated with, or set another. Diagnostics reach
 * this provider as copies, so findings are matched by rule id and range against the document's current analysis.
 */
export class GreenlightCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly engine: AnalysisEngine) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysis = this.engine.peek(document);
    if (!analysis) return [];
    const actions: vscode.CodeAction[] = [];
    let ruleDiagnostics = 0;
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const code = codeOf(diagnostic);
      if (code === UNRESOLVED_CODE) {
        actions.push(...this.inputActions(document, diagnostic, analysis.result));
        continue;
      }
      const finding = analysis.findings.find(
        (f) => f.rule === code && f.range.start.line === diagnostic.range.start.line && f.range.start.character === diagnostic.range.start.character,
      );
      if (!finding) continue;
      ruleDiagnostics++;
      finding.fixes.forEach((fix, index) => {
        const action = new vscode.CodeAction(`${fix.title} (${finding.rule})`, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = fixEdit(document, fix.edits);
        action.isPreferred = index === 0;
        actions.push(action);
      });
    }
    const fixable = analysis.findings.filter((f) => f.fixes.length > 0 && f.file === document.uri.path);
    if (ruleDiagnostics > 0 && fixable.length > 1) {
      const all = new vscode.CodeAction(`Fix all ${fixable.length} Greenlight findings in this file`, vscode.CodeActionKind.QuickFix);
      all.command = { command: "greenlight.fixAllInFile", title: all.title, arguments: [document.uri] };
      actions.push(all);
    }
    return actions;
  }

  private inputActions(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, result: DocumentResult): vscode.CodeAction[] {
    const path = document.uri.path;
    const model = result.models.find(
      (m) => m.file === path && m.unresolved.some((note) => unresolvedLine(note, m.line, path) === diagnostic.range.start.line),
    );
    if (!model) return [];
    const actions: vscode.CodeAction[] = [];
    const inputs = inputsText(model.inputs);
    if (inputs) {
      // Writing down the input the estimate assumed makes the assumption visible and editable.
      const pin = new vscode.CodeAction(`Pin the input ${model.name} was estimated with (${inputs})`, vscode.CodeActionKind.QuickFix);
      pin.diagnostics = [diagnostic];
      pin.edit = new vscode.WorkspaceEdit();
      pin.edit.set(document.uri, [inputPragmaEdit(document, model.line, inputs)]);
      actions.push(pin);
    }
    const ask = new vscode.CodeAction(`Set the input shape of ${model.name}…`, vscode.CodeActionKind.QuickFix);
    ask.diagnostics = [diagnostic];
    ask.command = { command: "greenlight.setInputShape", title: ask.title, arguments: [document.uri, model.line] };
    actions.push(ask);
    return actions;
  }
}

type DocumentResult = NonNullable<ReturnType<AnalysisEngine["peek"]>>["result"];
