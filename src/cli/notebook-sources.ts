import { basename } from "node:path";
import { fileLineOfCellLine, NotebookFormatError, readNotebook, type NotebookFile } from "../core/notebook/notebook-file";
import { findingInCell } from "../core/notebook/cell-view";
import { resultInCells } from "../core/notebook/cell-line-texts";
import type { AnalysisResult } from "../core/analysis-result";
import { locateInNotebook, notebookProgram, type NotebookProgram, type ProgramCell } from "../core/notebook/notebook-program";
import type { Finding } from "../core/rules/types";
import { CliError } from "./cli-io";
import type { NotebookPlace } from "./findings-output";

/** A notebook read for analysis: the file, its cells and the one program its Python code cells make. */
export interface NotebookSource {
  notebook: NotebookFile;
  program: NotebookProgram;
}

/** True for a path the CLI reads as a Jupyter notebook. */
export function isNotebookPath(file: string): boolean {
  return file.toLowerCase().endsWith(".ipynb");
}

/** Reads a notebook's JSON; a malformed one is a CliError with one clear line (exit 2). */
export function notebookSource(file: string, text: string): NotebookSource {
  let notebook: NotebookFile;
  try {
    notebook = readNotebook(text);
  } catch (err) {
    if (err instanceof NotebookFormatError) throw new CliError(`${file}: ${err.message}`);
    throw err;
  }
  return { notebook, program: notebookProgram(notebook.cells.filter((c) => c.python)) };
}

/** A cell as the CLI reports it: 1-based, markdown counted (as the notebook shows it), and its id. */
export interface CellReference {
  index: number;
  id?: string;
}

function cellReference(cell: ProgramCell): CellReference {
  return { index: cell.index + 1, ...(cell.id !== undefined ? { id: cell.id } : {}) };
}

/**
 * Where analysis positions are in notebook terms. The analyzer sees a notebook as one program; this maps a
 * (file, program line) back to its cell and the line within it, and leaves .py files as they are.
 */
export class SourceLocations {
  private readonly notebooks = new Map<string, NotebookSource>();

  add(file: string, source: NotebookSource): void {
    this.notebooks.set(file, source);
  }

  /** The cell of a program line of a notebook (undefined for .py files and lines outside the cells). */
  cell(file: string, line: number): (CellReference & { line: number }) | undefined {
    const source = this.notebooks.get(file);
    const at = source && locateInNotebook(source.program, line);
    return at && { ...cellReference(at.cell), line: at.line };
  }

  /** `nb.ipynb cell 3:12` for a notebook, `net.py:12` otherwise (the path as `show` gives it). */
  label(file: string, line: number, show: (file: string) => string = basename): string {
    const cell = this.cell(file, line);
    return cell ? `${show(file)} cell ${cell.index}:${cell.line}` : `${show(file)}:${line}`;
  }

  /** A notebook's analysis with the program lines its notes and plans cite written as cell and line; others as they are. */
  inCells(result: AnalysisResult): AnalysisResult {
    const source = this.notebooks.get(result.file);
    return source ? resultInCells(source.program, result) : result;
  }

  /** A located object (`file`, `line`) with the line made cell-relative and a `cell` object added, for JSON. */
  json<T extends { file: string; line: number }>(value: T): T & { cell?: CellReference } {
    const cell = this.cell(value.file, value.line);
    if (!cell) return value;
    const { line, ...where } = cell;
    return { ...value, line, cell: where };
  }

  /**
   * A training run's or plan's `sources` (figure -> {from, line, detail}) with each figure's program line made
   * cell-relative and its cell added: the figures are read from the one program the cells make, so a notebook's
   * `line: 152` would otherwise point past the cell that holds the loop.
   */
  figureSources(file: string, sources: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(sources).map(([name, figure]) => {
      const f = figure as { line?: unknown } | null;
      if (!f || typeof f.line !== "number") return [name, figure];
      const cell = this.cell(file, f.line);
      if (!cell) return [name, figure];
      const { line, ...where } = cell;
      return [name, { ...f, line, cell: where }];
    }));
  }

  /**
   * A finding with its lines and columns relative to its cell (the cell added), and each fix as the edits of one
   * cell, with that cell (fixes that would span cells are left out).
   */
  finding(f: Finding): Finding & { cell?: CellReference } {
    const source = this.notebooks.get(f.file);
    const local = source && findingInCell(source.program, f);
    if (!local) return f;
    const fixes = local.finding.fixes.map((x, i) => ({ ...x, cell: cellReference(local.fixCells[i]) }));
    return { ...local.finding, fixes, cell: cellReference(local.cell) };
  }

  /** Where SARIF puts a notebook finding: the .ipynb line holding it, the cell and the range within the cell. */
  sarifPlace(f: Finding): NotebookPlace | undefined {
    const source = this.notebooks.get(f.file);
    const at = source && locateInNotebook(source.program, f.line);
    if (!source || !at) return undefined;
    const cell = cellReference(at.cell);
    const endLine = f.endLine - f.line + at.line;
    return { region: { startLine: fileLineOfCellLine(source.notebook, at.cell.index, at.line) }, cell: { ...cell, line: at.line, column: f.column, endLine, endColumn: f.endColumn } };
  }
}
