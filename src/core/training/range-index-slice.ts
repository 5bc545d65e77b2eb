// A step loop that picks its batch with a range of indexes from its counter (`slce = get_slice(i, batch_size)` where
// `get_slice = lambda i, size: range(i * size, (i + 1) * size)`, then `x_train[slce]`; or `idx = range(i * B, (i + 1)
// * B)` written in the loop): indexing an array by a range takes the rows it names (numpy's and torch's integer-array
// indexing, numpy.org/doc/stable/user/basics.indexing.html#integer-array-indexing), B consecutive rows from the i-th
// multiple of B, as the slice `x[i * B:(i + 1) * B]` does (step-loop-batch.ts indexSlice).
import type { Expression, Statement } from "../python/ast";
import { dottedName, forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";

/** `range(i * B, ...)` or `slice(i * B, ...)` (or `B * i`) with `i` the index name: B; else undefined. */
function chunkFrom(e: Expression, index: (e: Expression) => boolean): Expression | undefined {
  if (e.type !== "call" || !/^(range|slice)$/.test(dottedName(e.func) ?? "") || e.args.length < 2 || e.args[0].kind !== "positional") return undefined;
  const start = e.args[0].value;
  if (start.type !== "binary" || start.op !== "*") return undefined;
  return index(start.left) ? start.right : index(start.right) ? start.left : undefined;
}

/** The chunk width a call gives when it calls a module-level lambda or one-line function returning such a range,
 *  the loop's index passed for the multiplied parameter; the width read as the argument passed for the other. */
function calledChunk(call: Expression, index: string, module: Statement[]): Expression | undefined {
  if (call.type !== "call" || call.func.type !== "name") return undefined;
  const name = call.func.id;
  let params: string[] | undefined;
  let returned: Expression | undefined;
  for (const s of module) {
    if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.targets[0].id === name && s.value.type === "lambda") {
      params = s.value.params.map((p) => p.name);
      returned = s.value.body;
    } else if (s.type === "function" && s.name === name && s.body.length === 1 && s.body[0].type === "return" && s.body[0].value) {
      params = s.params.map((p) => p.name);
      returned = s.body[0].value;
    }
  }
  if (!params || !returned || call.args.some((a) => a.kind !== "positional")) return undefined;
  const passed = new Map(params.map((p, k) => [p, call.args[k]?.kind === "positional" ? call.args[k].value : undefined] as const));
  const isIndexParam = (e: Expression) => e.type === "name" && passed.get(e.id)?.type === "name" && (passed.get(e.id) as { id: string }).id === index;
  const width = chunkFrom(returned, isIndexParam);
  // The width is the argument passed for a parameter, or a constant written in the function.
  return width?.type === "name" && passed.has(width.id) ? passed.get(width.id) : width?.type === "int" ? width : undefined;
}

/** B and the array of a step loop that indexes `x[n]` by a name it binds to a range of B indexes from its index
 *  `index` (written in the loop, or made by a module-level lambda or function of `module`). */
export function rangeIndexSlice(body: Statement[], index: string, module: Statement[]): { size: Expression; data: Expression } | undefined {
  const widths = new Map<string, Expression>();
  for (const s of body) {
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name") continue;
    const width = chunkFrom(s.value, (e) => e.type === "name" && e.id === index) ?? calledChunk(s.value, index, module);
    if (width && (width.type === "name" || width.type === "attribute" || width.type === "int")) widths.set(s.targets[0].id, width);
  }
  if (widths.size === 0) return undefined;
  let found: { size: Expression; data: Expression } | undefined;
  forEachStatement(body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (found || e.type !== "subscript" || e.index.type !== "name") return;
      const size = widths.get(e.index.id);
      if (size) found = { size, data: e.object };
    });
  });
  return found;
}
