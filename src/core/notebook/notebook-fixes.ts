import type { TextEdit } from "../rules/types";
import { locateInNotebook, type NotebookProgram, type ProgramCell } from "./notebook-program";

/** A fix as edits of one cell: cell-relative positions (0-based lines within the cell). */
export interface CellFix {
  cell: ProgramCell;
  edits: TextEdit[];
}

/**
 * A fix's edits (program positions) as edits of a single cell. The rules add a missing import after the program's
 * imports, and a helper function after the model's class, which in a notebook are usually other cells: such
 * insertions move to the top of the cell the rest of the fix edits (or, when the fix is only such insertions, the
 * cell of its finding, `findingLine`, a 1-based program line), so a fix never reaches into a second cell. Undefined
 * when the other edits span cells.
 */
export function fixInOneCell(program: NotebookProgram, edits: readonly TextEdit[], findingLine?: number): CellFix | undefined {
  const placed: { cell: ProgramCell; edit: TextEdit }[] = [];
  for (const edit of edits) {
    const start = locateInNotebook(program, edit.range.start.line + 1);
    const end = locateInNotebook(program, edit.range.end.line + 1);
    if (!start || !end || start.cell !== end.cell) return undefined;
    const range = { start: { line: start.line - 1, character: edit.range.start.character }, end: { line: end.line - 1, character: edit.range.end.character } };
    placed.push({ cell: start.cell, edit: { ...edit, range } });
  }
  const findingCell = findingLine === undefined ? undefined : locateInNotebook(program, findingLine)?.cell;
  if (findingCell) for (const p of placed) atEndOfFindingCell(program, p, findingCell);
  const targets = new Set(placed.filter((p) => !isImportInsertion(p.edit) && !movableDefinition(p, findingCell)).map((p) => p.cell));
  if (targets.size === 0) targets.add(findingCell ?? placed[0]?.cell);
  const [target] = targets;
  if (targets.size !== 1 || !target) return undefined;
  const imports: string[] = [];
  const definitions: string[] = [];
  const local: TextEdit[] = [];
  for (const p of placed) {
    // An import or definition the rules put at a cell's first line (right after the previous cell's imports or
    // class) goes through the same placement, which keeps it below a cell magic.
    const isImport = isImportInsertion(p.edit);
    const moves = p.cell !== target || (p.edit.range.start.line === 0 && (isImport || isDefinitionInsertion(p.edit)));
    if (!moves) local.push(p.edit);
    else if (isImport) {
      for (const line of p.edit.newText.split(/\r?\n/)) if (line.trim() !== "" && !imports.includes(line)) imports.push(line);
    } else definitions.push(p.edit.newText.replace(/^(?:[ \t]*\r?\n)+/, "").replace(/(?:\r?\n[ \t]*)+$/, ""));
  }
  if (imports.length + definitions.length > 0) {
    // Below a cell magic's line (`%%time` must stay first), else at the cell's top.
    const line = /^%%/.test(target.source) ? 1 : 0;
    const eol = target.source.includes("\r\n") ? "\r\n" : "\n";
    // Imports, then each definition, two blank lines apart (PEP 8), all lines in the cell's own line ending.
    const blocks = [...(imports.length > 0 ? [imports.join(eol)] : []), ...definitions.map((d) => d.replace(/\r?\n/g, eol))];
    const separator = definitions.length > 0 ? eol.repeat(3) : eol;
    const at = { line, character: 0 };
    const atEnd = line >= target.lineCount;
    const text = blocks.join(separator);
    local.unshift({ file: local[0]?.file ?? edits[0].file, range: atEnd ? endOf(target) : { start: at, end: at }, newText: atEnd ? eol + text : text + separator });
  }
  return { cell: target, edits: local };
}

/**
 * Lines a rule inserts right after the finding's statement (`model = quantize_model(model)` after the model is built)
 * land on the first line of the next code cell when that statement ends its cell: the end of the finding's cell is the
 * same place in the program, and keeps the fix in the finding's cell.
 */
function atEndOfFindingCell(program: NotebookProgram, p: { cell: ProgramCell; edit: TextEdit }, findingCell: ProgramCell): void {
  const next = program.cells[program.cells.indexOf(findingCell) + 1];
  if (p.cell !== next || !isLineInsertion(p.edit) || p.edit.range.start.line !== 0 || isImportInsertion(p.edit) || isDefinitionInsertion(p.edit)) return;
  const eol = findingCell.source.includes("\r\n") ? "\r\n" : "\n";
  const text = p.edit.newText.replace(/(?:\r?\n)+$/, "").replace(/\r?\n/g, eol);
  const endsWithNewline = /\n$/.test(findingCell.source);
  p.cell = findingCell;
  p.edit = { ...p.edit, range: endOf(findingCell), newText: endsWithNewline ? text + eol : eol + text };
}

function endOf(cell: ProgramCell): TextEdit["range"] {
  const lines = cell.source.split("\n");
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return { start: end, end };
}

/** An insertion of whole lines that are only imports (what `importEdit` adds). */
function isImportInsertion(edit: TextEdit): boolean {
  if (!isLineInsertion(edit)) return false;
  const lines = edit.newText.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.length > 0 && lines.every((l) => /^(import\s+\S|from\s+\S+\s+import\s)/.test(l));
}

/**
 * A top-level definition (a helper function or class, with its decorators) inserted in a cell before the finding's:
 * it only binds a name, so defining it at the top of the finding's cell instead runs it before its use all the same.
 */
function movableDefinition(p: { cell: ProgramCell; edit: TextEdit }, findingCell: ProgramCell | undefined): boolean {
  return !!findingCell && p.cell.index < findingCell.index && isDefinitionInsertion(p.edit);
}

/** An insertion of whole lines that are top-level definitions (functions, classes, their decorators). */
function isDefinitionInsertion(edit: TextEdit): boolean {
  if (!isLineInsertion(edit)) return false;
  const lines = edit.newText.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.length > 0 && /^(?:async\s+def|def|class)\s|^@/.test(lines[0]) && lines.every((l) => /^(?:\s|async\s+def\s|def\s|class\s|@|#)/.test(l));
}

/** An insertion at the start of a line (whole lines added, nothing replaced). */
function isLineInsertion(edit: TextEdit): boolean {
  const { start, end } = edit.range;
  return start.line === end.line && start.character === end.character && start.character === 0;
}
