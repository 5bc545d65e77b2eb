// Training rows cut by a slice with both bounds stated (`x_train = data[0:120, 0:5]`, `X = rows[:800]`) from an array
// whose length the code does not tell (a CSV read line by line, a table from a URL): the code states how many rows it
// takes, and Python's slice keeps exactly stop - start of them wherever the array holds that many
// (docs.python.org/3/library/stdtypes.html#common-sequence-operations), which is what a split written this way expects.
import type { Expression, Statement } from "../python/ast";
import { forEachRowSliceBinding, type SlicedRows } from "./array-slices";

/**
 * Names bound to a row slice whose bounds are both non-negative integers (a missing start is 0), with stop - start as
 * its rows, where `rowsOf` does not know the sliced array's rows. `integer` works a bound out at its statement.
 */
export function boundedSliceRows(body: Statement[], rowsOf: (name: string, line: number) => number | undefined, integer: (e: Expression) => number | undefined): SlicedRows[] {
  const found: SlicedRows[] = [];
  forEachRowSliceBinding(body, (name, slice, code, line) => {
    if (!slice.stop || rowsOf(slice.from, line) !== undefined) return;
    const start = slice.start ? integer(slice.start) : 0;
    const stop = integer(slice.stop);
    // A negative bound counts from an end the code does not tell.
    if (start === undefined || stop === undefined || start < 0 || stop <= start) return;
    found.push({ name, from: slice.from, rows: stop - start, line, code });
  });
  return found;
}
