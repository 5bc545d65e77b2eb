// Training arrays cut from a loaded dataset's arrays (`X_valid, X_train = X_train_full[:5000] / 255., X_train_full[5000:] / 255.`,
// `x_train = x_train[:10000]`): the rows a Keras fit then trains on are the slice's, as Python slices a sequence
// (docs.python.org/3/library/stdtypes.html#common-sequence-operations: negative bounds count from the end, bounds
// past the end stop there).
import type { Expression, Statement } from "../python/ast";
import { forEachStatement } from "../python/syntax-walk";

/** A name bound to rows sliced from another: its line and how many rows it keeps. */
export interface SlicedRows {
  name: string;
  from: string;
  rows: number;
  line: number;
  code: Expression;
}

/** The array a value slices rows from, through scaling and casts (`x[5000:] / 255.`, `x[:100].astype("float32")`). */
function rowSlice(e: Expression): { from: string; start?: Expression; stop?: Expression } | undefined {
  if (e.type === "binary" && (e.op === "/" || e.op === "*" || e.op === "-" || e.op === "+")) return rowSlice(e.left);
  if (e.type === "call" && e.func.type === "attribute" && /^(astype|reshape)$/.test(e.func.name)) return rowSlice(e.func.object);
  if (e.type !== "subscript" || e.object.type !== "name") return undefined;
  const index = e.index.type === "tuple" ? e.index.items[0] : e.index;
  if (index?.type !== "slice" || index.step) return undefined;
  return { from: e.object.id, start: index.start, stop: index.stop };
}

/** Python's slice length of a sequence of `n` items, for integer bounds. */
export function sliceLength(n: number, start: number | undefined, stop: number | undefined): number {
  const clamp = (v: number) => Math.min(n, Math.max(0, v < 0 ? v + n : v));
  return Math.max(0, clamp(stop ?? n) - clamp(start ?? 0));
}

/**
 * Names bound (anywhere in the file) to a row slice of an array of known rows, with the slice's rows. `rowsOf` gives
 * an array name's rows where known, as bound before a line; `integer` works a bound out at its statement.
 */
/** Each name the file binds (anywhere, tuples written out on both sides included) to a row slice, with the slice. */
export function forEachRowSliceBinding(body: Statement[], visit: (name: string, slice: NonNullable<ReturnType<typeof rowSlice>>, value: Expression, line: number) => void): void {
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.targets.length !== 1) return;
    const target = s.targets[0];
    const pairs: [Expression, Expression][] = target.type === "tuple" && s.value.type === "tuple" && target.items.length === s.value.items.length ? target.items.map((t, i) => [t, (s.value as Extract<Expression, { type: "tuple" }>).items[i]]) : [[target, s.value]];
    for (const [t, v] of pairs) {
      const slice = t.type === "name" ? rowSlice(v) : undefined;
      if (slice && t.type === "name") visit(t.id, slice, v, s.pos.line);
    }
  });
}

export function slicedRows(body: Statement[], rowsOf: (name: string, line: number) => number | undefined, integer: (e: Expression) => number | undefined): SlicedRows[] {
  const found: SlicedRows[] = [];
  forEachRowSliceBinding(body, (name, slice, code, line) => {
    const n = rowsOf(slice.from, line);
    if (n === undefined) return;
    const start = slice.start ? integer(slice.start) : undefined;
    const stop = slice.stop ? integer(slice.stop) : undefined;
    if ((slice.start && start === undefined) || (slice.stop && stop === undefined)) return;
    found.push({ name, from: slice.from, rows: sliceLength(n, start, stop), line, code });
  });
  return found;
}
