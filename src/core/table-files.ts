// The data tables a script reads with pandas or numpy (`pd.read_csv("data/train.tsv", delimiter="\t")`) are counted
// by their records (interp/stdlib/csv-tables.ts; a JSON Lines file's records are its lines, interp/stdlib/config-files.ts), so the workspace readers keep them up to a size larger than a
// source file's: a table of tens of thousands of rows that a repository ships is a few megabytes.

/** Bytes of a table file that are read, at most (a table shipped with the code, not a data set download). */
export const MAX_TABLE_BYTES = 8_000_000;

/** Whether a path names a comma- or tab-separated table, or a JSON Lines file (one record a line: jsonlines.org), by
 *  its extension. */
export function isTableFile(path: string): boolean {
  return /\.(csv|tsv|jsonl)$/i.test(path);
}
