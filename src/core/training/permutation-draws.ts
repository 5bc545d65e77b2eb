// A batch drawn as the head of a random permutation: `perm = torch.randperm(s.shape[0])` then `s[perm][0:n]` (rows
// in shuffled order, the first n kept), or `idx = np.random.permutation(N)[:n]` then `x[idx]`. torch.randperm(n) and
// numpy.random.permutation(n) return every index once in random order (pytorch.org/docs/stable/generated/
// torch.randperm.html, numpy.org/doc/stable/reference/random/generated/numpy.random.permutation.html), so a slice
// from the start takes as many distinct rows as the slice is wide: that width is the step's batch, as a draw's size is
// (index-draw-batch.ts).
import type { Expression, Statement } from "../python/ast";
import { dottedName, forEachExpression, forEachStatement, ownExpressions, type CallExpression } from "../python/syntax-walk";

const PERMUTATION = /^(torch\.randperm|(np|numpy)\.random\.permutation)$/;

/** A permutation's head taken in a block: the permutation call and the slice's width (its stop). */
export interface PermutationHead {
  draw: CallExpression;
  count: Expression;
}

/** The width of a slice from the start (`[:n]`, `[0:n]`, no step), or undefined. */
function headWidth(index: Expression): Expression | undefined {
  if (index.type !== "slice" || index.step || !index.stop) return undefined;
  const fromStart = !index.start || (index.start.type === "int" && index.start.value === 0);
  return fromStart ? index.stop : undefined;
}

/**
 * The heads of random permutations a block takes: `perm[:n]` of a name bound to `torch.randperm(...)` or
 * `np.random.permutation(...)` (or of the call itself), and `x[perm][:n]`, the rows that permutation orders, cut the
 * same way. A permutation used whole (a shuffled pass over all rows) is no draw of a batch.
 */
export function permutationHeads(body: Statement[]): PermutationHead[] {
  const assigned = new Map<string, CallExpression>();
  forEachStatement(body, ({ statement }) => {
    if (statement.type !== "assign" || statement.targets.length !== 1 || statement.targets[0].type !== "name" || statement.value.type !== "call") return;
    if (PERMUTATION.test(dottedName(statement.value.func) ?? "")) assigned.set(statement.targets[0].id, statement.value);
  });
  const permutation = (e: Expression): CallExpression | undefined =>
    e.type === "name" ? assigned.get(e.id) : e.type === "call" && PERMUTATION.test(dottedName(e.func) ?? "") ? e : undefined;
  const heads: PermutationHead[] = [];
  forEachStatement(body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (e.type !== "subscript") return;
      const count = headWidth(e.index);
      if (!count) return;
      // `perm[:n]`, or `x[perm][:n]`: the rows a permutation indexes, cut from the start.
      const draw = permutation(e.object) ?? (e.object.type === "subscript" ? permutation(e.object.index) : undefined);
      if (draw && !heads.some((h) => h.draw === draw)) heads.push({ draw, count });
    });
  });
  return heads;
}
