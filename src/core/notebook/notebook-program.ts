/** A code cell as the program needs it: where it is in the notebook and its text. */
export interface ProgramCellInput {
  /** 0-based position among all the notebook's cells (markdown included). */
  index: number;
  id?: string;
  source: string;
}

/** Where one code cell sits in the notebook's program. */
export interface ProgramCell extends ProgramCellInput {
  /** 0-based program line of the cell's first line. */
  startLine: number;
  /** Lines of the cell (a trailing newline opens one more, empty line, as the editor shows it). */
  lineCount: number;
  /** Offset of the cell's first character in the program text. */
  startOffset: number;
}

/** The code cells of a notebook in order, as one Python program, and where each cell lies in it. */
export interface NotebookProgram {
  text: string;
  cells: ProgramCell[];
}

/** A program position in notebook terms: the cell and the 1-based line within it. */
export interface CellLocation {
  cell: ProgramCell;
  line: number;
}

/**
 * One program from code cells in notebook order, as Jupyter runs them top to bottom. IPython syntax (magics, shell
 * escapes, help) is blanked out without moving any other character, so every program position maps back to its
 * cell by line alone and cell edits map to program edits by an offset.
 */
export function notebookProgram(cells: readonly ProgramCellInput[]): NotebookProgram {
  const placed: ProgramCell[] = [];
  const parts: string[] = [];
  let line = 0;
  let offset = 0;
  for (const cell of cells) {
    const lineCount = cell.source.split("\n").length;
    placed.push({ ...cell, startLine: line, lineCount, startOffset: offset });
    parts.push(pythonOfCell(cell.source));
    line += lineCount;
    offset += cell.source.length + 1;
  }
  return { text: parts.join("\n") + (parts.length > 0 ? "\n" : ""), cells: placed };
}

/** The cell holding a 1-based program line, with the line within that cell. */
export function locateInNotebook(program: NotebookProgram, line: number): CellLocation | undefined {
  const zero = line - 1;
  let lo = 0;
  let hi = program.cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const cell = program.cells[mid];
    if (zero < cell.startLine) hi = mid - 1;
    else if (zero >= cell.startLine + cell.lineCount) lo = mid + 1;
    else return { cell, line: zero - cell.startLine + 1 };
  }
  return undefined;
}

/** Where a 1-based program line is, in the words a notebook's reader uses: "cell 3, line 2" (cells counted from 1
 *  among all the notebook's cells, as the editor shows them); "line N" when no cell holds it. */
export function programLineLabel(program: NotebookProgram, line: number): string {
  const at = locateInNotebook(program, line);
  return at ? `cell ${at.cell.index + 1}, line ${at.line}` : `line ${line}`;
}

// Cell magics whose body IPython runs as Python (the magic only times, captures or profiles it).
const PYTHON_BODY_CELL_MAGICS = new Set(["time", "timeit", "capture", "prun", "debug", "memit"]);

/**
 * A cell's text with IPython syntax turned into plain Python of the same length: line magics (`%...`; `%time stmt`
 * and `%prun stmt` run their statement, kept as `_ =   stmt`; a top-level `%run f.py` the comment `#run f.py`, which
 * the interpreter runs the file in place of), shell
 * escapes (`!...`), help (`x?`) and their assignment forms (`files = !ls`) become `...` (a no-op that keeps an
 * indented block valid), and a cell magic's line (`%%time`) a comment; a cell magic that does not run Python
 * (`%%bash`, `%%html`, `%%writefile`) comments out the whole cell.
 */
export function pythonOfCell(source: string): string {
  const lines = source.split("\n");
  const cellMagic = /^%%(\S*)/.exec(lines[0] ?? "");
  if (cellMagic) {
    if (!PYTHON_BODY_CELL_MAGICS.has(cellMagic[1])) return lines.map(commentOut).join("\n");
    lines[0] = commentOut(lines[0]);
    return lines.map((l, i) => (i === 0 ? l : blankIPythonLine(l))).join("\n");
  }
  const starts = logicalLineStarts(lines);
  return lines.map((l, i) => (starts[i] ? blankIPythonLine(l) : l)).join("\n");
}

function commentOut(line: string): string {
  return line.length === 0 || line === "\r" ? line : `#${line.slice(1)}`;
}

// Line magics that run their statement once as Python (ipython.readthedocs.io, "Built-in magic commands": %time
// times one execution, %prun profiles one); %timeit runs it many times and stays a no-op.
const PYTHON_STATEMENT_LINE_MAGIC = /^(\s*)%(time|prun)( +)(?!-)(.*)$/;
// Statements `_ = <statement>` cannot hold: compound and keyword statements, augmented and annotated assignments.
const NOT_AN_ASSIGNED_VALUE = /^(for|while|if|elif|else|with|def|class|import|from|try|except|finally|del|assert|raise|pass|return|global|nonlocal|async|await|yield|break|continue)\b|(\*\*|\/\/|>>|<<|[-+*/%&|^@])=|^[A-Za-z_][\w.]*\s*:/;

/** A line magic that runs a Python statement once (`%time learn.fit(1)`) as that statement, of the same length:
 *  `_ =   learn.fit(1)` keeps every column of the call (an assignment form also takes `x = f()`). */
function statementOfLineMagic(line: string): string | undefined {
  const m = PYTHON_STATEMENT_LINE_MAGIC.exec(line);
  if (!m) return undefined;
  const [, indent, name, gap, statement] = m;
  const code = statement.endsWith("\r") ? statement.slice(0, -1) : statement;
  if (code.trim().length === 0 || NOT_AN_ASSIGNED_VALUE.test(code)) return undefined;
  // `%time ` and `%prun ` are six characters, as `_ =   ` is with the gap kept.
  return `${indent}${"_ =".padEnd(name.length + 1 + gap.length, " ")}${statement}`;
}

/** A line that is IPython syntax, made a no-op of the same length (or, for `%time stmt`, that statement); any other
 *  line as it is. */
function blankIPythonLine(line: string): string {
  // A top-level `%run` line: a comment the program runs the file in place of (interp/notebook-run-magic.ts).
  if (/^%run\s/.test(line)) return `#${line.slice(1)}`;
  const statement = statementOfLineMagic(line);
  if (statement !== undefined) return statement;
  const m = /^(\s*)(?:([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*\s*=\s*)(?=[!%])|(?=[!%]|\?+[A-Za-z_]|[A-Za-z_][\w.]*\?{1,2}\s*$))/.exec(line);
  if (!m) return line;
  const head = m[0];
  const rest = line.slice(head.length);
  const eol = rest.endsWith("\r") ? "\r" : "";
  const body = rest.slice(0, rest.length - eol.length);
  if (body.length === 0) return line;
  // `...` is an expression statement: valid alone, as an indented block's only line, and as an assigned value.
  const noop = body.length >= 3 ? `...${body.length > 3 ? `#${body.slice(4)}` : ""}` : m[2] ? "0".padEnd(body.length, " ") : `#${body.slice(1)}`;
  return head + noop + eol;
}

/**
 * For each line, whether a new statement starts on it: not inside brackets, a multi-line string or after a
 * backslash continuation (where `!` or `%` are operators or text, not IPython).
 */
function logicalLineStarts(lines: string[]): boolean[] {
  const starts: boolean[] = [];
  let depth = 0;
  let quote: string | undefined;
  let continued = false;
  for (const line of lines) {
    starts.push(depth === 0 && quote === undefined && !continued);
    continued = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote !== undefined) {
        if (c === "\\") i++;
        else if (line.startsWith(quote, i)) {
          i += quote.length - 1;
          quote = undefined;
        }
        continue;
      }
      if (c === "#") break;
      if (c === '"' || c === "'") {
        const triple = line.startsWith(c.repeat(3), i);
        quote = triple ? c.repeat(3) : c;
        if (triple) i += 2;
      } else if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") depth = Math.max(0, depth - 1);
      else if (c === "\\" && i === line.replace(/\r$/, "").length - 1) continued = true;
    }
    // A single-quoted string cannot span lines (an unterminated one is a syntax error there, not here).
    if (quote === '"' || quote === "'") quote = undefined;
  }
  return starts;
}
