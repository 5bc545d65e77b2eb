import * as vscode from "vscode";
import { DIAGNOSTIC_SOURCE, UNRESOLVED_CODE, modelLineOf } from "./diagnostics";
import { inputPragmaEdit } from "./pragma";

/** Quick fixes for Greenlight's diagnostics: set the input shape of a partly resolved model. */
export class GreenlightCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const code = typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
      if (code === UNRESOLVED_CODE) {
        const target = modelLineOf.get(diagnostic);
        if (target && target.inputs && !document.lineAt(Math.max(target.line - 2, 0)).text.includes("greenlight:")) {
          // Writing down the input the estimate assumed makes the assumption visible and editable.
          const pin = new vscode.CodeAction(`Pin the input ${target.model} was estimated with (${target.inputs})`, vscode.CodeActionKind.QuickFix);
          pin.diagnostics = [diagnostic];
          pin.edit = new vscode.WorkspaceEdit();
          pin.edit.set(document.uri, [inputPragmaEdit(document, target.line, target.inputs)]);
          actions.push(pin);
        }
        const action = new vscode.CodeAction(`Set the input shape of ${target?.model ?? "this model"}…`, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.command = {
          command: "greenlight.setInputShape",
          title: action.title,
          arguments: [document.uri, target?.line ?? diagnostic.range.start.line + 1],
        };
        actions.push(action);
      }
    }
    return actions;
  }
}
