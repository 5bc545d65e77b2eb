// The part of a pandas DataFrame or Series (the stand-in of pandas-package.ts) that a split takes: a table of the
// same class and columns holding fewer rows (sklearn's train_test_split of tables). Which values are tables and how
// many rows they hold is value-figures.ts' (isPandasTable, pandasTableRows).
import { freshId, int } from "./construct";
import type { Value } from "./values";

/** A table like `table` holding `rows` rows (the part of it a split takes): same class and columns. */
export function pandasTableOfRows(table: Value, rows: number): Value {
  if (table.kind !== "instance") return table;
  return { kind: "instance", cls: table.cls, attributes: new Map(table.attributes).set("_rows", int(rows)), id: freshId() };
}
