import * as vscode from "vscode";
import { notebookProgram, type NotebookProgram } from "../core/notebook/notebook-program";

// A notebook's cells are text documents of their own (scheme vscode-notebook-cell, the notebook's path, a fragment
// per cell). The engine analyzes the notebook's Python cells as one program and shows each cell its part of it.

/** The open notebook a cell document belongs to (undefined for any other document). */
export function notebookOfCell(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (document.uri.scheme !== "vscode-notebook-cell") return undefined;
  const key = document.uri.toString();
  return vscode.workspace.notebookDocuments.find((notebook) => notebook.uri.path === document.uri.path && notebook.getCells().some((cell) => cell.document.uri.toString() === key));
}

/** The notebook cell of a cell document. */
export function cellOf(notebook: vscode.NotebookDocument, document: vscode.TextDocument): vscode.NotebookCell | undefined {
  const key = document.uri.toString();
  return notebook.getCells().find((cell) => cell.document.uri.toString() === key);
}

/** Whether a cell is part of the program: a code cell in Python. */
export function isPythonCell(cell: vscode.NotebookCell): boolean {
  return cell.kind === vscode.NotebookCellKind.Code && cell.document.languageId === "python";
}

/** The program of a notebook's Python code cells in order (one cell's text optionally replaced, for fix passes). */
export function programOfNotebook(notebook: vscode.NotebookDocument, replaced?: { cell: vscode.NotebookCell; text: string }): NotebookProgram {
  return notebookProgram(
    notebook
      .getCells()
      .filter(isPythonCell)
      .map((cell) => ({ index: cell.index, source: cell === replaced?.cell ? replaced.text : cell.document.getText() })),
  );
}

/** Changes whenever the program may: any cell's text, kind or language, and the cells' order. */
export function notebookKey(notebook: vscode.NotebookDocument): string {
  return notebook
    .getCells()
    .map((cell) => `${cell.document.uri.fragment}@${cell.document.version}:${cell.kind}:${cell.document.languageId}`)
    .join("|");
}

/** Offset of a Python cell's first character in its notebook's program (undefined for other cells). */
export function cellStartOffset(notebook: vscode.NotebookDocument, document: vscode.TextDocument): number | undefined {
  let offset = 0;
  for (const cell of notebook.getCells()) {
    if (!isPythonCell(cell)) continue;
    if (cell.document.uri.toString() === document.uri.toString()) return offset;
    // notebookProgram puts one newline after each cell.
    offset += cell.document.getText().length + 1;
  }
  return undefined;
}

/**
 * The Python document the user is on: the active editor's, else (a notebook focused outside any cell's text) the
 * selected cell's, or the notebook's first Python cell's.
 */
export function activePythonDocument(): vscode.TextDocument | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === "python") return editor.document;
  const notebook = vscode.window.activeNotebookEditor;
  if (!notebook || (editor && editor.document.uri.scheme !== "vscode-notebook-cell")) return undefined;
  const selected = notebook.selections[0] ? notebook.notebook.cellAt(notebook.selections[0].start) : undefined;
  const cell = selected && isPythonCell(selected) ? selected : notebook.notebook.getCells().find(isPythonCell);
  return cell?.document;
}
