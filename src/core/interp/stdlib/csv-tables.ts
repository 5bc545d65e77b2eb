// The size of a CSV table in the workspace, for the analyzer's pandas stand-in (pandas-package.ts): `pd.read_csv(path)`
// of a file the repository holds has as many rows as the file has records, less the header line (pandas.read_csv,
// pandas 2.2: header='infer' takes the first line as column names; header=None takes none; skiprows and nrows trim).
// Only the text is parsed (RFC 4180 records, csv.ts); a file the workspace lacks, or one too large to be a table the
// repository ships, stays unknown.
import { parseCsvRows } from "../../csv";
import { MAX_TABLE_BYTES } from "../../table-files";
import { int, list, str, tuple, unknown } from "../construct";
import type { Value } from "../values";
import { pathLikeValue, pathPlaces } from "./path-like";
import { fn, namespace, type StandardLibrary } from "./native";

/** Installs `_greenlight_csv.table(path, sep, header_lines, skip, nrows)`: (rows, column names) of a workspace CSV. */
export function installCsvTables({ modules, interp, call }: StandardLibrary): void {
  modules.set("_greenlight_csv", namespace("_greenlight_csv", {
    table: fn("_greenlight_csv.table", ({ args }) => {
      const path = args[0] ? pathLikeValue(args[0], call) : undefined;
      if (path?.kind !== "str") return unknown("a table read from a file the code does not name");
      const sep = args[1]?.kind === "str" ? args[1].value : ",";
      // One character separators only: a regular expression (sep='\s+') splits as the code says, not as we would.
      if (sep.length !== 1) return unknown(`the table ${path.value}, split by ${JSON.stringify(sep)}`);
      const headerLines = args[2]?.kind === "int" ? args[2].value : 1;
      const skip = args[3]?.kind === "int" ? args[3].value : 0;
      const nrows = args[4]?.kind === "int" ? args[4].value : undefined;
      const found = pathPlaces(interp(), path.value).map((p) => ({ p, text: interp().loader.sourceText?.(p) })).find((c) => c.text !== undefined);
      if (!found?.text) return unknown(`the table ${path.value}, which is not in the workspace`);
      interp().loader.noteFileRead?.(found.p, true);
      if (found.text.length > MAX_TABLE_BYTES) return unknown(`the table ${path.value}, too large to read here`);
      const { count, first } = tableRecords(found.text, sep, skip + headerLines + 1);
      const rows = first.slice(skip);
      const header = headerLines > 0 ? rows[0] ?? [] : [];
      let records = Math.max(0, count - skip - headerLines);
      if (nrows !== undefined) records = Math.min(records, nrows);
      const width = Math.max(header.length, rows[headerLines]?.length ?? 0);
      const names = headerLines > 0 ? header.map(str) : Array.from({ length: width }, (_, i) => int(i));
      return tuple([int(records), list(names)]);
    }),
  }));
}

/**
 * The records of a table's text and the fields of the first `keep` of them. A comma-separated text with quotes is
 * parsed whole (RFC 4180: a quoted field may hold line breaks); any other is counted by its lines, fields split only
 * for the first few: this runs on every analysis of the file, and a 5 MB table parsed whole took ~140 ms. A line of
 * separators alone is no record (as parseCsvRows has it); with another one-character separator (';', a tab) records
 * are the non-blank lines, split with no quoting read.
 */
function tableRecords(text: string, sep: string, keep: number): { count: number; first: string[][] } {
  if (sep === "," && text.includes('"')) {
    const all = parseCsvRows(text);
    return { count: all.length, first: all.slice(0, keep) };
  }
  const record = sep === "," ? (line: string) => /[^,]/.test(line) : (line: string) => line.trim() !== "";
  let count = 0;
  const first: string[][] = [];
  for (const line of text.split(/\r\n?|\n/)) {
    if (!record(line)) continue;
    if (first.length < keep) first.push(line.split(sep));
    count++;
  }
  return { count, first };
}
