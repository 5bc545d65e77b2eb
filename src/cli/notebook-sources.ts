import { basename } from "node:path";
import { fileLineOfCellLine, NotebookFormatError, readNotebook, type NotebookFile } from "../core/notebook/notebook-file";
import { fixInOneCell } from "../core/notebook/notebook-fixes";
import { locateInNotebook, notebookProgram, type NotebookProgram } from "../core/notebook/notebook-program";
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

/** A notebook position as the CLI reports it: the cell (1-based, markdown counted, as the notebook shows it). */
export interface CellReference {
  index: number;
  id?: string;
  line: number;
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

  notebook(file: string): NotebookSource | undefined {
    return this.notebooks.get(file);
  }

  /** The cell of a program line of a notebook (undefined for .py files and lines outside the cells). */
  cell(file: string, line: number): CellReference | undefined {
    const source = this.notebooks.get(file);
    const at = source && locateInNotebook(source.program, line);
    return at && { index: at.cell.index + 1, ...(at.cell.id !== undefined ? { id: at.cell.id } : {}), line: at.line };
  }

  /** `nb.ipynb cell 3:12` for a notebook, `net.py:12` otherwise (the path as `show` gives it). */
  label(file: string, line: number, show: (file: string) => string = basename): string {
    const cell = this.cell(file, line);
    return cell ? `${show(file)} cell ${cell.index}:${cell.line}` : `${show(file)}:${line}`;
  }

  /** A located object (`file`, `line`) with the line made cell-relative and a `cell` object added, for JSON. */
  json<T extends { file: string; line: number }>(value: T): T & { cell?: { index: number; id?: string } } {
    const cell = this.cell(value.file, value.line);
    if (!cell) return value;
    const { line, ...where } = cell;
    return { ...value, line, cell: where };
  }

  /**
   * A finding with its lines and columns relative to its cell (the cell added), and each fix as the edits of one
   * cell (fixes that would span cells are left out).
   */
  finding(f: Finding): Finding & { cell?: { index: number; id?: string } } {
    const source = this.notebooks.get(f.file);
    const start = this.cell(f.file, f.line);
    if (!source || !start) return f;
    const shift = start.line - f.line;
    const fixes = f.fixes.flatMap((x) => {
      const one = fixInOneCell(source.program, x.edits);
      return one ? [{ ...x, edits: one.edits, cell: { index: one.cell.index + 1, ...(one.cell.id !== undefined ? { id: one.cell.id } : {}) } }] : [];
    });
    return {
      ...f,
      line: start.line,
      endLine: f.endLine + shift,
      range: { start: { ...f.range.start, line: f.range.start.line + shift }, end: { ...f.range.end, line: f.range.end.line + shift } },
      fixes,
      cell: { index: start.index, ...(start.id !== undefined ? { id: start.id } : {}) },
    };
  }

  /** Where SARIF puts a notebook finding: the .ipynb line holding it, the cell and the range within the cell. */
  sarifPlace(f: Finding): NotebookPlace | undefined {
    const source = this.notebooks.get(f.file);
    const at = source && locateInNotebook(source.program, f.line);
    if (!source || !at) return undefined;
    const cell = { index: at.cell.index + 1, ...(at.cell.id !== undefined ? { id: at.cell.id } : {}) };
    const endLine = f.endLine - f.line + at.line;
    return { region: { startLine: fileLineOfCellLine(source.notebook, at.cell.index, at.line) }, cell: { ...cell, line: at.line, column: f.column, endLine, endColumn: f.endColumn } };
  }
}
