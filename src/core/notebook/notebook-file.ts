import { JsonSyntaxError, member, parseJsonWithPositions, type JsonNode } from "./json-positions";

/** One cell of a Jupyter notebook as read from its .ipynb file. */
export interface NotebookCell {
  /** 0-based position in the notebook's `cells` (markdown cells counted). */
  index: number;
  /** nbformat 4.5's cell id, when the file has one. */
  id?: string;
  kind: "code" | "markdown" | "raw";
  /** The cell's source, its lines joined. */
  source: string;
  /** Whether the cell is Python: a code cell of a Python notebook whose own language (VS Code's) is not another. */
  python: boolean;
}

/** A parsed .ipynb file: its cells and the raw text they were read from (kept to rewrite one cell exactly). */
export interface NotebookFile {
  text: string;
  cells: NotebookCell[];
  /** The kernel's language (`metadata.kernelspec.language`, else `language_info.name`), when the file says. */
  language?: string;
  /** The `source` node of each cell, by cell index. */
  readonly sourceNodes: JsonNode[];
}

/** The file is not a notebook Greenlight can read (bad JSON, not nbformat 4); the message is one line. */
export class NotebookFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotebookFormatError";
  }
}

const CELL_KINDS = new Set(["code", "markdown", "raw"]);

/** Reads a Jupyter notebook (nbformat 4) from its JSON text; throws NotebookFormatError when it is not one. */
export function readNotebook(text: string): NotebookFile {
  let root: JsonNode;
  try {
    root = parseJsonWithPositions(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw new NotebookFormatError(`not valid JSON: ${err.message}`);
    throw err;
  }
  if (root.kind !== "object") throw new NotebookFormatError("not a notebook: the JSON is not an object");
  const format = member(root, "nbformat");
  const cellsNode = member(root, "cells");
  if (!cellsNode && member(root, "worksheets")) throw new NotebookFormatError("nbformat 3 notebooks are not supported (convert with 'jupyter nbconvert --to notebook')");
  if (cellsNode?.kind !== "array") throw new NotebookFormatError("not a notebook: no 'cells' list");
  if (format && (format.kind !== "number" || format.value < 4)) throw new NotebookFormatError("only nbformat 4 notebooks are supported");
  const metadata = member(root, "metadata");
  const kernelLanguage = stringOf(member(member(metadata, "kernelspec"), "language")) ?? stringOf(member(member(metadata, "language_info"), "name"));
  const notebookIsPython = kernelLanguage === undefined || kernelLanguage.toLowerCase() === "python";
  const cells: NotebookCell[] = [];
  const sourceNodes: JsonNode[] = [];
  cellsNode.items.forEach((cell, index) => {
    const where = `cell ${index + 1}`;
    if (cell.kind !== "object") throw new NotebookFormatError(`${where} is not an object`);
    const kind = stringOf(member(cell, "cell_type"));
    if (kind === undefined || !CELL_KINDS.has(kind)) throw new NotebookFormatError(`${where} has no valid cell_type (code, markdown or raw)`);
    const sourceNode = member(cell, "source");
    const source = sourceText(sourceNode);
    if (sourceNode === undefined || source === undefined) throw new NotebookFormatError(`${where}'s source is not a string or a list of strings`);
    const cellLanguage = stringOf(member(member(member(cell, "metadata"), "vscode"), "languageId"));
    // `metadata.vscode.languageId` is VS Code's label; Jupyter and Colab run every code cell with the notebook's kernel.
    // "plaintext" is the label of no language at all, so such a cell runs as the kernel's; another language's label
    // (`sql`) marks code no Python kernel runs as written.
    const labelled = cellLanguage === undefined || cellLanguage === "plaintext" ? undefined : cellLanguage;
    const python = kind === "code" && (labelled === undefined ? notebookIsPython : labelled === "python");
    const id = stringOf(member(cell, "id"));
    cells.push({ index, ...(id !== undefined ? { id } : {}), kind: kind as NotebookCell["kind"], source, python });
    sourceNodes.push(sourceNode);
  });
  return { text, cells, ...(kernelLanguage !== undefined ? { language: kernelLanguage } : {}), sourceNodes };
}

function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.kind === "string" ? node.value : undefined;
}

function sourceText(node: JsonNode | undefined): string | undefined {
  if (node?.kind === "string") return node.value;
  if (node?.kind !== "array") return undefined;
  let out = "";
  for (const item of node.items) {
    if (item.kind !== "string") return undefined;
    out += item.value;
  }
  return out;
}

/**
 * The notebook's text with one cell's source replaced and every other byte kept: the source stays a string or a
 * list of lines as it was, list items keep their layout, and unchanged lines keep their original spelling.
 */
export function withCellSource(notebook: NotebookFile, index: number, source: string): string {
  const node = notebook.sourceNodes[index];
  if (!node) throw new RangeError(`no cell ${index}`);
  const { text } = notebook;
  const asciiOnly = !/[^\x00-\x7f]/.test(text) && /\\u[0-9a-fA-F]{4}/.test(text);
  let replacement: string;
  if (node.kind === "string") replacement = jsonString(source, asciiOnly);
  else if (node.kind === "array") {
    const lines = source.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    const original = new Map<string, string>();
    for (const item of node.items) if (item.kind === "string" && !original.has(item.value)) original.set(item.value, text.slice(item.start, item.end));
    const tokens = lines.map((l) => original.get(l) ?? jsonString(l, asciiOnly));
    const items = node.items;
    if (tokens.length === 0) replacement = "[]";
    else {
      // nbformat writes one line per item, indented one space deeper than the key; an empty list gives no example.
      const lineIndent = /^[ \t]*/.exec(text.slice(text.lastIndexOf("\n", node.start) + 1))?.[0] ?? "";
      const opening = items.length > 0 ? text.slice(node.start + 1, items[0].start) : `\n${lineIndent} `;
      const closing = items.length > 0 ? text.slice(items[items.length - 1].end, node.end - 1) : `\n${lineIndent}`;
      const separator = items.length > 1 ? text.slice(items[0].end, items[1].start) : `,${opening}`;
      replacement = `[${opening}${tokens.join(separator)}${closing}]`;
    }
  } else throw new RangeError(`cell ${index}'s source is neither a string nor a list`);
  return text.slice(0, node.start) + replacement + text.slice(node.end);
}

/** A JSON string literal as Python's json module writes it (optionally with non-ASCII escaped, as ensure_ascii). */
function jsonString(value: string, asciiOnly: boolean): string {
  const json = JSON.stringify(value);
  return asciiOnly ? json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : json;
}

/**
 * The 1-based line of the .ipynb file that holds a cell's 1-based line (nbformat writes a source list one line per
 * item; a source string sits on one line), for tools that point into the file itself (SARIF viewers).
 */
export function fileLineOfCellLine(notebook: NotebookFile, index: number, line: number): number {
  const node = notebook.sourceNodes[index];
  let at = node?.start ?? 0;
  if (node?.kind === "array") {
    let seen = 1;
    for (const item of node.items) {
      at = item.start;
      if (item.kind === "string") seen += item.value.split("\n").length - 1;
      if (seen > line || (seen === line && item.kind === "string" && !item.value.endsWith("\n"))) break;
    }
  }
  let count = 1;
  for (let k = notebook.text.indexOf("\n"); k !== -1 && k < at; k = notebook.text.indexOf("\n", k + 1)) count++;
  return count;
}
