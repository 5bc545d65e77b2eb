import * as vscode from "vscode";
import type { AnalysisResult } from "../core/analyze";
import type { Settings } from "../core/config";
import { ruleDefinition } from "../core/rules/rules";
import type { Finding, FindingSeverity } from "../core/rules/types";

/** Diagnostic code of an unresolved part of a model; its quick fix sets the input shape. */
export const UNRESOLVED_CODE = "unresolved";
export const DIAGNOSTIC_SOURCE = "Greenlight";

/** The pragma text of the inputs a model was analyzed with (`1x3x224x224`, `1x128:int64`, `;` between inputs). */
export function inputsText(inputs: { shape: number[]; dtype: string }[]): string {
  return inputs.map((input) => input.shape.join("x") + (input.dtype === "int64" ? ":int64" : "")).join(";");
}

const SEVERITY: Record<FindingSeverity, vscode.DiagnosticSeverity> = {
  hint: vscode.DiagnosticSeverity.Hint,
  information: vscode.DiagnosticSeverity.Information,
  warning: vscode.DiagnosticSeverity.Warning,
};

/** The 0-based line a model's unresolved note is shown on in this file. */
export function unresolvedLine(note: { file: string; line: number }, modelLine: number, path: string): number {
  return (note.file === path ? note.line : modelLine) - 1;
}

/** A rule finding as a diagnostic; its code links to the rule's documentation. */
export function findingDiagnostic(finding: Finding): vscode.Diagnostic {
  const { start, end } = finding.range;
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(start.line, start.character, end.line, end.character),
    finding.message,
    SEVERITY[finding.severity],
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  const help = ruleDefinition(finding.rule)?.helpUri;
  diagnostic.code = help ? { value: finding.rule, target: vscode.Uri.parse(help) } : finding.rule;
  return diagnostic;
}

/** Diagnostics of one analysis of a file: rule findings, and unresolved parts of its models as hints. */
export function diagnosticsFor(result: AnalysisResult, findings: Finding[], path: string, text: string, settings: Settings): vscode.Diagnostic[] {
  const diagnostics = findings.filter((finding) => finding.file === path).map(findingDiagnostic);
  if (!settings["diagnostics.unresolved"]) return diagnostics;
  const lines = text.split(/\r?\n/);
  const seen = new Set<string>();
  for (const model of result.models) {
    if (model.file !== path) continue;
    for (const note of model.unresolved) {
      // Notes in other files (imported code) are shown at the model line of this file.
      const line = unresolvedLine(note, model.line, path);
      if (line < 0 || line >= lines.length) continue;
      const key = `${line}:${note.reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const lineText = lines[line];
      const range = new vscode.Range(line, lineText.length - lineText.trimStart().length, line, lineText.length);
      const where = note.file === path ? "" : ` (in ${note.file.split("/").pop()}:${note.line})`;
      // The analyzer's reason may already say what to write; otherwise say how a pragma would help.
      const advice = model.needs
        ? `. Try '# greenlight: entry=${model.needs.entry}' above the class (quick fix)${model.needs.inputWhy ? `; input ${model.needs.input}: ${model.needs.inputWhy}` : ""}`
        : note.reason.includes("greenlight:")
          ? ""
          : `. If this depends on the input, set it with '# greenlight: input=${inputsText(model.inputs) || "SHAPE"}' above the model (Greenlight: Set Input Shape)`;
      const state = model.needs ? "is not estimated" : "is only partly estimated";
      const diagnostic = new vscode.Diagnostic(range, `${model.name} ${state}: ${note.reason}${where}${advice}.`, vscode.DiagnosticSeverity.Hint);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = UNRESOLVED_CODE;
      diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}
