import * as vscode from "vscode";
import { emptyPragma, formatPragma, parsePragma } from "../core/pragma/grammar";
import { inputListProblem } from "../core/pragma/input-shapes";

/** Checks the text of an input pragma value with the analyzer's own grammar; returns why it is wrong, or undefined. */
export function checkInputsText(text: string): string | undefined {
  return inputListProblem(text);
}

/**
 * The edit that sets `# greenlight: input=<shape>` above the model starting at this 1-based line: it updates the
 * pragma already there (above any decorators) or inserts one with the model's indentation.
 */
export function inputPragmaEdit(document: vscode.TextDocument, modelLine: number, inputs: string): vscode.TextEdit {
  return pragmaSettingsEdit(document, modelLine, [["input", inputs]]);
}

/** The edit that sets these `key=value` settings in the pragma above the model at this 1-based line (as inputPragmaEdit). */
export function pragmaSettingsEdit(document: vscode.TextDocument, modelLine: number, settings: [string, string][]): vscode.TextEdit {
  let index = Math.min(Math.max(modelLine - 1, 0), document.lineCount - 1);
  // Decorators belong to the class: the pragma goes above them.
  while (index > 0 && /^\s*@/.test(document.lineAt(index - 1).text)) index--;
  const target = document.lineAt(index);
  if (index > 0) {
    const above = document.lineAt(index - 1);
    const pragma = /^\s*#/.test(above.text) ? parsePragma(above.text) : undefined;
    if (pragma) {
      for (const [key, value] of settings) pragma.settings.set(key, value);
      return vscode.TextEdit.replace(above.range, `${/^\s*/.exec(above.text)![0]}${formatPragma(pragma)}`);
    }
  }
  const pragma = emptyPragma();
  for (const [key, value] of settings) pragma.settings.set(key, value);
  const indentation = target.text.slice(0, target.firstNonWhitespaceCharacterIndex);
  const eol = document.eol === vscode.EndOfLine.CRLF ? "\r\n" : "\n";
  return vscode.TextEdit.insert(new vscode.Position(index, 0), `${indentation}${formatPragma(pragma)}${eol}`);
}
