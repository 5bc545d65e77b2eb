// Hugging Face datasets' packaged builders over files the repository ships: `load_dataset("text", data_files=
// {"train": "corpus.txt"})` makes one row of each line of the file, empty lines included (datasets/packaged_modules/
// text/text.py, sample_by="line": `StringIO(batch).readlines()`), `load_dataset("json", data_files="data.jsonl")` one of
// each JSON Lines record or of each item of a top-level JSON array (packaged_modules/json/json.py), and
// `load_dataset("csv", ...)` one of each record after the header (pandas.read_csv). A string or list of data_files is
// the "train" split, a dict names its splits (huggingface.co/docs/datasets/loading#local-and-remote-files). A relative
// path is looked up beside the script and at the workspace root, as other files the code opens.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";
import { joinPath } from "../interp/paths";
import { dictEntry } from "../interp/value-figures";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";

/** Rows of the training split a packaged builder makes of shipped files, and how they were counted. */
export interface LocalBuilderRows {
  value: number;
  detail: string;
}

type Builder = "text" | "json" | "csv";

/** The rows `load_dataset(builder, data_files=...)` gives its "train" split, where every file is in the workspace and
 *  readable; undefined for other builders, other splits, options that change the rows, or a file not found. */
export function localBuilderRows(call: Extract<Expression, { type: "call" }>, evaluate: (e: Expression) => Value | undefined, folders: readonly string[], read: (path: string) => string | undefined): LocalBuilderRows | undefined {
  const pathArgument = positionalArgument(call, 0) ?? keywordArgument(call, "path");
  const builder = pathArgument ? evaluate(pathArgument) : undefined;
  if (builder?.kind !== "str" || !["text", "json", "csv"].includes(builder.value)) return undefined;
  // Options that regroup the rows (a paragraph or document a row, a JSON field) are not followed.
  if (["sample_by", "field", "data_dir"].some((k) => keywordArgument(call, k))) return undefined;
  const splitArgument = keywordArgument(call, "split") ?? positionalArgument(call, 4);
  const split = splitArgument ? evaluate(splitArgument) : undefined;
  if (splitArgument && !(split?.kind === "str" && split.value === "train")) return undefined;
  const filesArgument = keywordArgument(call, "data_files") ?? positionalArgument(call, 3);
  const files = trainFiles(filesArgument ? evaluate(filesArgument) : undefined);
  if (!files || files.length === 0) return undefined;
  let total = 0;
  for (const file of files) {
    const text = firstFound(file, folders, read);
    const rows = text === undefined ? undefined : countRows(builder.value as Builder, text);
    if (rows === undefined) return undefined;
    total += rows;
  }
  const unit = builder.value === "text" ? "lines" : "records";
  return { value: total, detail: `load_dataset("${builder.value}", data_files=...): the ${unit} of ${files.join(", ")}` };
}

/** The files of the "train" split: a path or a list of them, or a dict's "train" entry. */
function trainFiles(value: Value | undefined): string[] | undefined {
  if (!value) return undefined;
  if (value.kind === "str") return [value.value];
  if (value.kind === "list" || value.kind === "tuple") return value.items.every((v) => v.kind === "str") ? value.items.map((v) => (v as { value: string }).value) : undefined;
  if (value.kind === "dict") return trainFiles(dictEntry(value, "train"));
  return undefined;
}

function firstFound(path: string, folders: readonly string[], read: (path: string) => string | undefined): string | undefined {
  if (/[*?[]/.test(path)) return undefined;
  const places = path.startsWith("/") ? [path] : folders.map((f) => joinPath(f, path));
  for (const place of places) {
    const text = read(place);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** The rows a builder makes of one file's text; undefined where the text is not what the builder reads. */
export function countRows(builder: Builder, raw: string): number | undefined {
  // Files are read in text mode: "\r\n" and "\r" end lines as "\n" does.
  const text = raw.replace(/\r\n?/g, "\n");
  if (builder === "text") return text.length === 0 ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  if (builder === "json") {
    const trimmed = text.trim();
    if (trimmed.startsWith("[")) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        return Array.isArray(parsed) ? parsed.length : undefined;
      } catch {
        return undefined;
      }
    }
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    for (const line of lines) {
      try {
        JSON.parse(line);
      } catch {
        return undefined;
      }
    }
    return lines.length;
  }
  // CSV: records end at a newline outside quotes; blank lines are skipped (pandas' skip_blank_lines); the first is the header.
  let records = 0;
  let quoted = false;
  let content = false;
  for (const ch of text) {
    if (ch === "\"") quoted = !quoted;
    if (ch === "\n" && !quoted) {
      if (content) records++;
      content = false;
    } else if (ch.trim() !== "") content = true;
  }
  if (content) records++;
  return records > 0 ? records - 1 : undefined;
}
