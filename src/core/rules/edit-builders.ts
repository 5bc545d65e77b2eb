import type { Statement } from "../python/ast";
import type { PythonFile } from "./python-file";
import type { TextEdit } from "./types";

// Edits are built as whole lines in the file's own line ending and indentation, so a fix never mixes styles.

/** Inserts lines (indentation included, no line endings) on the lines after a statement. */
export function insertLinesAfter(file: PythonFile, s: Statement, lines: string[]): TextEdit {
  const { source } = file;
  const eol = source.eol;
  const nextLine = s.pos.endLine; // 0-based index of the line after the statement's last line
  if (nextLine >= source.lineCount || (nextLine === source.lineCount - 1 && source.lineText(nextLine) === "" && source.endsWithoutNewline)) {
    const last = source.lineCount - 1;
    const end = { line: last, character: source.lineText(last).length };
    const prefix = source.lineText(last) === "" ? "" : eol;
    return { file: file.path, range: { start: end, end }, newText: prefix + lines.join(eol) + eol };
  }
  return { file: file.path, range: source.lineStartRange(nextLine), newText: lines.map((l) => l + eol).join("") };
}

/** Inserts lines before a statement (which must start its line). */
export function insertLinesBefore(file: PythonFile, s: Statement, lines: string[]): TextEdit {
  return { file: file.path, range: file.source.lineStartRange(s.pos.line - 1), newText: lines.map((l) => l + file.source.eol).join("") };
}

/** A top-level definition after a top-level statement, with the two blank lines PEP 8 puts around it. */
export function insertDefinitionAfter(file: PythonFile, s: Statement, lines: string[]): TextEdit {
  const { source } = file;
  const nextLine = s.pos.endLine;
  const followedByCode = nextLine < source.lineCount && source.lineText(nextLine).trim() !== "";
  return insertLinesAfter(file, s, ["", "", ...lines, ...(followedByCode ? ["", ""] : [])]);
}

/** A top-level definition before a top-level statement. */
export function insertDefinitionBefore(file: PythonFile, s: Statement, lines: string[]): TextEdit {
  return insertLinesBefore(file, s, [...lines, "", ""]);
}

/** What a fix needs imported: the statement, and the local names it binds with what they must be bound to. */
export interface ImportNeed {
  statement: string;
  binds: [local: string, qualified: string][];
}

export const IMPORT_TORCH: ImportNeed = { statement: "import torch", binds: [["torch", "torch"]] };
/** torch.nn.utils.prune, which `import torch` alone does not load. */
export const IMPORT_PRUNE: ImportNeed = { statement: "import torch.nn.utils.prune as prune", binds: [["prune", "torch.nn.utils.prune"]] };

/**
 * One edit adding the import statements the file does not have yet, after its last top-level import (before the
 * first definition), else after the module docstring, else before the first statement. Undefined when nothing is
 * missing, so imports are added once.
 */
export function importEdit(file: PythonFile, needs: ImportNeed[]): TextEdit | undefined {
  const missing = missingImports(file, needs);
  return missing.length === 0 ? undefined : afterImportsEdit(file, missing);
}

/** The import statements of `needs` the file lacks (each once). */
export function missingImports(file: PythonFile, needs: ImportNeed[]): string[] {
  const missing: string[] = [];
  for (const need of needs) {
    const satisfied = need.binds.every(([local, qualified]) => file.bindings.get(local) === qualified);
    if (!satisfied && !missing.includes(need.statement)) missing.push(need.statement);
  }
  return missing;
}

/** Inserts lines at module level right after the imports (see importEdit for where exactly). */
export function afterImportsEdit(file: PythonFile, lines: string[]): TextEdit {
  const body = file.syntax.body;
  let anchor: Statement | undefined;
  for (const s of body) {
    if (s.type === "function" || s.type === "class") break;
    if (s.type === "import" || s.type === "importFrom" || isFutureImport(file, s)) anchor = s;
  }
  if (anchor) return insertLinesAfter(file, anchor, lines);
  const first = body[0];
  if (first && first.type === "expression" && first.value.type === "str") return insertLinesAfter(file, first, ["", ...lines]);
  if (first) return insertLinesBefore(file, first, [...lines, ""]);
  return insertLinesAfter(file, { type: "pass", pos: { line: 0, column: 0, endLine: 0, endColumn: 0, startIndex: 0, endIndex: 0 } }, lines);
}

function isFutureImport(file: PythonFile, s: Statement): boolean {
  return s.type === "pass" && file.text(s.pos).startsWith("from __future__");
}

/**
 * Wraps consecutive statements of one block in `header` (a `with ...:` line): the header goes at their indentation
 * and each of their lines gains one indentation unit, except blank lines and lines inside multi-line strings.
 * Undefined when the statements share lines with other code (nothing safe to indent).
 */
export function wrapStatements(file: PythonFile, statements: Statement[], header: string): TextEdit[] | undefined {
  const first = statements[0];
  const last = statements[statements.length - 1];
  if (!first || !file.startsLine(first) || !file.endsLine(last)) return undefined;
  const { source } = file;
  const indent = source.indentation(first.pos.line - 1);
  const edits: TextEdit[] = [{ file: file.path, range: source.lineStartRange(first.pos.line - 1), newText: indent + header + source.eol }];
  for (let line = first.pos.line - 1; line <= last.pos.endLine - 1; line++) {
    if (file.stringLines.has(line) || source.lineText(line).trim() === "") continue;
    edits.push({ file: file.path, range: source.lineStartRange(line), newText: source.indentUnit });
  }
  return edits;
}
