import type { TextEdit } from "../rules/types";
import { locateInNotebook, type NotebookProgram, type ProgramCell } from "./notebook-program";

/** A fix as edits of one cell: cell-relative positions (0-based lines within the cell). */
export interface CellFix {
  cell: ProgramCell;
  edits: TextEdit[];
}

/**
 * A fix's edits (program positions) as edits of a single cell. The rules add a missing import after the program's
 * imports, which in a notebook is usually another cell: such import-only insertions move to the top of the cell the
 * rest of the fix edits, so a fix never reaches into a second cell. Undefined when the other edits span cells.
 */
export function fixInOneCell(program: NotebookProgram, edits: readonly TextEdit[]): CellFix | undefined {
  const placed: { cell: ProgramCell; edit: TextEdit }[] = [];
  for (const edit of edits) {
    const start = locateInNotebook(program, edit.range.start.line + 1);
    const end = locateInNotebook(program, edit.range.end.line + 1);
    if (!start || !end || start.cell !== end.cell) return undefined;
    const range = { start: { line: start.line - 1, character: edit.range.start.character }, end: { line: end.line - 1, character: edit.range.end.character } };
    placed.push({ cell: start.cell, edit: { ...edit, range } });
  }
  const targets = new Set(placed.filter((p) => !isImportInsertion(p.edit)).map((p) => p.cell));
  if (targets.size === 0) targets.add(placed[0]?.cell);
  const [target] = targets;
  if (targets.size !== 1 || !target) return undefined;
  const moved: string[] = [];
  const local: TextEdit[] = [];
  for (const p of placed) {
    // An import the rules put at a cell's first line (right after the previous cell's imports) goes through the
    // same placement, which keeps it below a cell magic.
    const moves = p.cell !== target || (p.edit.range.start.line === 0 && isImportInsertion(p.edit));
    if (!moves) local.push(p.edit);
    else for (const line of p.edit.newText.split(/\r?\n/)) if (line.trim() !== "" && !moved.includes(line)) moved.push(line);
  }
  if (moved.length > 0) {
    // Below a cell magic's line (`%%time` must stay first), else at the cell's top.
    const line = /^%%/.test(target.source) ? 1 : 0;
    const eol = target.source.includes("\r\n") ? "\r\n" : "\n";
    const at = { line, character: 0 };
    const atEnd = line >= target.lineCount;
    local.unshift({ file: local[0]?.file ?? edits[0].file, range: atEnd ? endOf(target) : { start: at, end: at }, newText: atEnd ? eol + moved.join(eol) : moved.map((l) => l + eol).join("") });
  }
  return { cell: target, edits: local };
}

function endOf(cell: ProgramCell): TextEdit["range"] {
  const lines = cell.source.split("\n");
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return { start: end, end };
}

/** An insertion of whole lines that are only imports (what `importEdit` adds). */
function isImportInsertion(edit: TextEdit): boolean {
  const { start, end } = edit.range;
  if (start.line !== end.line || start.character !== end.character || start.character !== 0) return false;
  const lines = edit.newText.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.length > 0 && lines.every((l) => /^(import\s+\S|from\s+\S+\s+import\s)/.test(l));
}
