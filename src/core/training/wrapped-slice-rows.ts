// A step loop that wraps its slices around the data (issue 21): TensorFlow 1.x books feed each step
// `X[start:end]` with `start = (i * batch_size) % dataset_size` and `end = min(start + batch_size, dataset_size)`.
// Python's `%` of a non-negative dividend by N is in [0, N) (docs.python.org/3/reference/expressions.html#binary-
// arithmetic-operations), so the starts walk the first N rows of X in chunks of B and start over: those N rows are the
// data a pass takes, the run's samples, however many steps the loop counts.
import type { Expression, Statement } from "../python/ast";
import { forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";
import type { LoopStatement } from "./loop-shape";

/** N of `(i * B) % N` (or `(B * i) % N`), `i` the loop's index. */
function wrappedModulus(e: Expression, index: string): Expression | undefined {
  if (e.type !== "binary" || e.op !== "%" || e.left.type !== "binary" || e.left.op !== "*") return undefined;
  const isIndex = (x: Expression) => x.type === "name" && x.id === index;
  return isIndex(e.left.left) || isIndex(e.left.right) ? e.right : undefined;
}

/** The rows N of a `for i in ...` step loop whose body slices `X[start:...]` from a start it binds as `(i * B) % N`
 *  (or writes so in the slice itself), and the data X it slices; undefined for any other loop. */
export function wrappedSliceRows(loop: LoopStatement): { rows: Expression; data: Expression } | undefined {
  if (loop.type !== "for" || loop.target.type !== "name") return undefined;
  const index = loop.target.id;
  const starts = new Map<string, Expression>();
  for (const s of loop.body) {
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name") continue;
    const rows = wrappedModulus(s.value, index);
    if (rows) starts.set(s.targets[0].id, rows);
  }
  let found: { rows: Expression; data: Expression } | undefined;
  forEachStatement(loop.body, ({ statement }: { statement: Statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (found || e.type !== "subscript" || e.index.type !== "slice" || !e.index.start) return;
      const start = e.index.start;
      const rows = start.type === "name" ? starts.get(start.id) : wrappedModulus(start, index);
      if (rows) found = { rows, data: e.object };
    });
  });
  return found;
}
