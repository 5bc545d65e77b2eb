import type { AnalysisResult } from "../analyze";
import type { ModelReport } from "../report/model-report";
import type { Finding } from "../rules/types";
import { resultInCells } from "./cell-line-texts";
import { fixInOneCell } from "./notebook-fixes";
import { locateInNotebook, type NotebookProgram, type ProgramCell } from "./notebook-program";

/** How a position in another cell of the notebook is named in one cell's view (`nb.ipynb, cell 3`). */
export function otherCellPath(file: string, index: number): string {
  return `${file}, cell ${index + 1}`;
}

/** Whether a position's file is this notebook's program: the cell's own (`file`) or one of its other cells'. */
export function inNotebookProgram(positionFile: string, file: string): boolean {
  return positionFile === file || positionFile.startsWith(`${file}, cell `);
}

/**
 * The analysis of a notebook's program as one of its cells sees it, so the editor's surfaces work on a cell as on
 * a file: positions in the cell become its own lines, positions in other cells are filed under `otherCellPath`
 * (shown, never matched to this cell), and the cell's findings keep only fixes that edit this cell.
 */
export function cellView(programResult: AnalysisResult, findings: readonly Finding[], program: NotebookProgram, file: string, cellIndex: number): { result: AnalysisResult; findings: Finding[] } {
  // The lines that notes and plans cite, in the notebook's terms (cell-line-texts.ts).
  const result = resultInCells(program, programResult);
  const place = <T extends { file: string; line: number }>(value: T): T => {
    if (value.file !== file) return value;
    const at = locateInNotebook(program, value.line);
    if (!at) return value;
    return { ...value, file: at.cell.index === cellIndex ? file : otherCellPath(file, at.cell.index), line: at.line };
  };
  const model = (m: ModelReport): ModelReport => ({
    ...place(m),
    unresolved: m.unresolved.map(place),
    layers: m.layers.map(place),
    ops: m.ops.map(place),
    lineShapes: m.lineShapes.map(place),
    ...(m.channelsLastViews ? { channelsLastViews: m.channelsLastViews.map(place) } : {}),
  });
  const syntaxErrors = result.syntaxErrors.flatMap((e) => {
    const at = locateInNotebook(program, e.line);
    return at?.cell.index === cellIndex ? [{ ...e, line: at.line }] : [];
  });
  const ownFindings = findings.flatMap((f) => {
    const local = f.file === file ? findingInCell(program, f) : undefined;
    if (!local || local.cell.index !== cellIndex) return [];
    return [{ ...local.finding, fixes: local.finding.fixes.filter((_, i) => local.fixCells[i].index === cellIndex) }];
  });
  // A training site belongs to the cell it is in, at the cell's own line and offsets (its lens goes there).
  const trainingSites = result.trainingSites?.flatMap((site) => {
    const at = locateInNotebook(program, site.line);
    if (at?.cell.index !== cellIndex) return [];
    const shift = at.cell.startOffset;
    return [{ ...site, line: at.line, ...(site.function ? { function: { ...site.function, startIndex: site.function.startIndex - shift, endIndex: site.function.endIndex - shift } } : {}) }];
  });
  // A generation's figures hold for every cell's models; its line is the cell's own, or names the cell holding it.
  const generations = result.generations?.map((g) => {
    const at = locateInNotebook(program, g.line);
    if (!at) return g;
    return at.cell.index === cellIndex ? { ...g, line: at.line } : { ...g, line: at.line, otherCell: at.cell.index + 1 };
  });
  // Layer actions edit the program text, not a cell: notebooks do not get them.
  return { result: { ...result, models: result.models.map(model), syntaxErrors, layerActions: undefined, ...(trainingSites ? { trainingSites } : {}), ...(generations ? { generations } : {}) }, findings: ownFindings };
}

/**
 * A program finding in the lines of its cell, each fix as the edits of one cell (`fixCells[i]` is the cell fix i
 * edits; fixes that would span cells are left out). Undefined when the finding is outside the cells.
 */
export function findingInCell(program: NotebookProgram, f: Finding): { cell: ProgramCell; finding: Finding; fixCells: ProgramCell[] } | undefined {
  const at = locateInNotebook(program, f.line);
  if (!at) return undefined;
  const shift = at.line - f.line;
  const fixCells: ProgramCell[] = [];
  const fixes = f.fixes.flatMap((x) => {
    const one = fixInOneCell(program, x.edits, f.line);
    if (!one) return [];
    fixCells.push(one.cell);
    return [{ ...x, edits: one.edits }];
  });
  const range = { start: { ...f.range.start, line: f.range.start.line + shift }, end: { ...f.range.end, line: f.range.end.line + shift } };
  return { cell: at.cell, finding: { ...f, line: at.line, endLine: f.endLine + shift, range, fixes }, fixCells };
}
