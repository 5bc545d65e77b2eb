import * as vscode from "vscode";

/** One or more inputs as the analyzer's pragma reads them: `1x3x224x224`, `1x128:int64`, `1x3x32x32;1x10`. */
const INPUTS_TEXT = /^\d+(x\d+)*(:[a-z0-9]+)?(;\d+(x\d+)*(:[a-z0-9]+)?)*$/;

/** Checks the text of an input pragma value; returns why it is wrong, or undefined when it is fine. */
export function checkInputsText(text: string): string | undefined {
  return INPUTS_TEXT.test(text.trim()) ? undefined : "write dims separated by x, e.g. 1x3x224x224 (several inputs: 1x3x32x32;1x10, token ids: 1x128:int64)";
}

/** A `# greenlight: ...` comment line with an `input=` setting (other settings on the line are kept). */
const PRAGMA = /^(\s*)#\s*greenlight:(.*)$/;
const INPUT = /\binput=\S+/;

/**
 * The edit that sets `# greenlight: input=<shape>` above the model starting at this 1-based line: it updates the
 * pragma already there (above any decorators) or inserts one with the model's indentation.
 */
export function inputPragmaEdit(document: vscode.TextDocument, modelLine: number, inputs: string): vscode.TextEdit {
  const input = `input=${inputs}`;
  let index = Math.min(Math.max(modelLine - 1, 0), document.lineCount - 1);
  // Decorators belong to the class: the pragma goes above them.
  while (index > 0 && /^\s*@/.test(document.lineAt(index - 1).text)) index--;
  const target = document.lineAt(index);
  if (index > 0) {
    const above = document.lineAt(index - 1);
    const match = PRAGMA.exec(above.text);
    if (match) {
      const settings = match[2];
      const updated = INPUT.test(settings) ? settings.replace(INPUT, input) : `${settings.trimEnd()} ${input}`;
      return vscode.TextEdit.replace(above.range, `${match[1]}# greenlight: ${updated.trim()}`);
    }
  }
  const indentation = target.text.slice(0, target.firstNonWhitespaceCharacterIndex);
  const eol = document.eol === vscode.EndOfLine.CRLF ? "\r\n" : "\n";
  return vscode.TextEdit.insert(new vscode.Position(index, 0), `${indentation}# greenlight: ${input}${eol}`);
}
