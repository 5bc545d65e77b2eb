import * as vscode from "vscode";
import type { AnalysisResult } from "../core/analyze";
import type { Settings } from "../core/config";

/** Diagnostic code of an unresolved part of a model; its quick fix sets the input shape. */
export const UNRESOLVED_CODE = "unresolved";
export const DIAGNOSTIC_SOURCE = "Greenlight";

/** The model line a diagnostic belongs to, kept beside each diagnostic for its quick fix. */
export const modelLineOf = new WeakMap<vscode.Diagnostic, { model: string; line: number; inputs: string }>();

/** The pragma text of the inputs a model was analyzed with (`1x3x224x224`, `1x128:int64`, `;` between inputs). */
export function inputsText(inputs: { shape: number[]; dtype: string }[]): string {
  return inputs.map((input) => input.shape.join("x") + (input.dtype === "int64" ? ":int64" : "")).join(";");
}

/** Diagnostics of one analysis for one file: unresolved parts of its models as hints that say what to set. */
export function diagnosticsFor(result: AnalysisResult, path: string, text: string, settings: Settings): vscode.Diagnostic[] {
  const lines = text.split(/\r?\n/);
  const diagnostics: vscode.Diagnostic[] = [];
  if (!settings["diagnostics.unresolved"]) return diagnostics;
  const seen = new Set<string>();
  for (const model of result.models) {
    if (model.file !== path) continue;
    for (const note of model.unresolved) {
      // Notes in other files (imported code) are shown at the model line of this file.
      const line = (note.file === path ? note.line : model.line) - 1;
      if (line < 0 || line >= lines.length) continue;
      const key = `${line}:${note.reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const lineText = lines[line];
      const range = new vscode.Range(line, lineText.length - lineText.trimStart().length, line, lineText.length);
      const where = note.file === path ? "" : ` (in ${note.file.split("/").pop()}:${note.line})`;
      // The analyzer's reason may already say what to write; otherwise say how an input pragma would help.
      const advice = note.reason.includes("greenlight:")
        ? ""
        : ". If this depends on the input, set it with '# greenlight: input=1x3x224x224' above the model (Greenlight: Set Input Shape)";
      const diagnostic = new vscode.Diagnostic(range, `${model.name} is only partly estimated: ${note.reason}${where}${advice}.`, vscode.DiagnosticSeverity.Hint);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = UNRESOLVED_CODE;
      modelLineOf.set(diagnostic, { model: model.name, line: model.line, inputs: inputsText(model.inputs) });
      diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}
