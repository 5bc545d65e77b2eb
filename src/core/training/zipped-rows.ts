// A step loop over arrays zipped row by row (issue 21). `for (x, y) in zip(xs, ys): sess.run(train_op, feed_dict={X:
// x, Y: y})` takes one row of each array a step: Python's zip pairs the arrays' items, and iterating a numpy array or a
// tensor yields its rows (numpy.org/doc/stable/reference/arrays.ndarray.html, "Iterating over an array ... the first
// axis"), so each step trains on one example and a pass walks all of the arrays' rows. Arrays of rank 3 and more are
// left alone: they are as often batches cut ahead of the loop, whose rows are whole batches.
import type { Expression } from "../python/ast";
import { dottedName } from "../python/syntax-walk";
import type { Value } from "../interp/values";
import { leadingDimension } from "../interp/value-figures";

/** The zip call and the arrays a `for ... in zip(a, b, ...)` loop walks row by row (also under `enumerate(...)`), at
 *  least two of them. */
export function zippedArrays(iter: Expression): { call: Expression; arrays: Expression[] } | undefined {
  let at = iter;
  while (at.type === "call" && dottedName(at.func) === "enumerate" && at.args[0]?.kind === "positional") at = at.args[0].value;
  if (at.type !== "call" || dottedName(at.func) !== "zip" || at.args.length < 2) return undefined;
  const arrays: Expression[] = [];
  for (const a of at.args) {
    if (a.kind !== "positional") return undefined;
    arrays.push(a.value);
  }
  return { call: at, arrays };
}

/** The rows a pass over zipped arrays walks, one a step: the fewest of their known rows (zip stops at the shortest);
 *  undefined unless every one is an array of rank 1 or 2 with known rows. */
export function zippedRows(values: readonly (Value | undefined)[]): number | undefined {
  let rows: number | undefined;
  for (const v of values) {
    const n = leadingDimension(v);
    if (n === undefined || v?.kind !== "tensor" || v.shape.length > 2) return undefined;
    rows = rows === undefined ? n : Math.min(rows, n);
  }
  return rows;
}
