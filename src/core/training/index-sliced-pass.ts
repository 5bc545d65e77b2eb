// A pass over the data that a counted loop of batch indexes makes (issue 21). `for j in range(int(N / B)):` whose
// body slices `x[j * B:(j + 1) * B]` takes the j-th chunk of B rows on each turn (the slice starts at the j-th
// multiple of B), and it turns N / B times (rounded either way, or once more for a last partial chunk), so one run
// of the loop walks the N rows once, whatever N is named (`train_size`, `n_train`): N is the samples of a pass, and a
// counted loop around it that does not rebuild what it slices is an epoch loop.
import type { Expression, Statement } from "../python/ast";
import { boundNames, dottedName, forEachExpression, forEachStatement, ownExpressions, rootName, sameNameOrInteger } from "../python/syntax-walk";
import { indexSlice } from "./step-loop-batch";
import type { LoopStatement } from "./loop-shape";

/** The rows N a `for j in range(<N / B>)` loop walks when its body slices chunks of B from `j * B`; undefined when
 *  the count is not a quotient by the slice's own width. A count held under a name (`n_batches = N // batch_sz`, then
 *  `range(n_batches)`) is read through `bindingOf`, the value that name was last bound to before the loop. */
export function indexSlicedRows(loop: LoopStatement, bindingOf?: (name: string) => Expression | undefined): Expression | undefined {
  if (loop.type !== "for" || loop.target.type !== "name" || loop.iter.type !== "call") return undefined;
  const func = dottedName(loop.iter.func);
  if ((func !== "range" && func !== "trange") || loop.iter.args.length !== 1 || loop.iter.args[0].kind !== "positional") return undefined;
  const width = indexSlice(loop.body, loop.target.id)?.size;
  const count = loop.iter.args[0].value;
  const held = count.type === "name" ? bindingOf?.(count.id) : undefined;
  return width ? quotientDividend(held ?? count, width) : undefined;
}

/** The names a loop's body slices its chunks from (`X` of `X[j * B:(j + 1) * B]`), the roots of dotted ones. */
function indexSlicedNames(loop: LoopStatement): string[] {
  const names: string[] = [];
  forEachStatement(loop.body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      const name = e.type === "subscript" && e.index.type === "slice" && e.index.start?.type === "binary" && e.index.start.op === "*" ? rootName(e.object) : undefined;
      if (name) names.push(name);
    });
  });
  return names;
}

/** N of a count that divides N by `width`: `N / B` or `N // B`, under rounding calls (`int`, `math.ceil`,
 *  `np.floor`, ...) and with a constant added (`int(N / B) + 1`, `int(N / B + 1)`). */
function quotientDividend(count: Expression, width: Expression): Expression | undefined {
  let at = count;
  for (;;) {
    if (at.type === "call" && at.args.length === 1 && at.args[0].kind === "positional" && /^(int|round|(math|np|numpy)\.(ceil|floor))$/.test(dottedName(at.func) ?? "")) at = at.args[0].value;
    else if (at.type === "binary" && (at.op === "+" || at.op === "-") && at.right.type === "int") at = at.left;
    else break;
  }
  if (at.type !== "binary" || (at.op !== "/" && at.op !== "//")) return undefined;
  return sameNameOrInteger(at.right, width) ? at.left : undefined;
}

/** Whether the loop slices none of the names `rebuilt` (what a loop around it binds afresh on each turn: a rollout
 *  collected anew is no pass over the training data). */
export function slicesNoneOf(loop: LoopStatement, rebuilt: ReadonlySet<string>): boolean {
  return indexSlicedNames(loop).every((n) => !rebuilt.has(n));
}

/** Whether no loop of `enclosing` around `loop` rebinds what it slices (a pass over the same data each turn). */
export function slicesSameDataEachTurn(loop: LoopStatement, enclosing: readonly Statement[]): boolean {
  return slicesNoneOf(loop, rebuiltNames(enclosing));
}

/** The names the loops `enclosing` bind afresh on each turn, but for a fresh shuffle of the indexes
 *  (`order = rng.permutation(len(X))`), which reorders the same rows and brings no new data. */
export function rebuiltNames(enclosing: readonly Statement[]): Set<string> {
  const rebuilt = new Set<string>();
  for (const outer of enclosing) forEachStatement([outer], ({ statement }) => {
    if (statement.type === "assign" && isIndexShuffle(statement.value)) return;
    for (const n of boundNames(statement)) rebuilt.add(n);
  });
  return rebuilt;
}

/** A shuffled order of indexes: numpy's `permutation` (np.random, a Generator or RandomState:
 *  numpy.org/doc/stable/reference/random/generated/numpy.random.permutation.html) or `torch.randperm`, also converted
 *  (`torch.randperm(n).numpy()`, `.tolist()`, `.to(device)`). */
export function isIndexShuffle(e: Expression): boolean {
  if (e.type !== "call" || e.func.type !== "attribute" && e.func.type !== "name") return false;
  if (e.func.type === "attribute" && CONVERSIONS.has(e.func.name) && e.func.object.type === "call") return isIndexShuffle(e.func.object);
  const callee = dottedName(e.func) ?? (e.func.type === "attribute" ? e.func.name : "");
  return callee === "torch.randperm" || callee === "permutation" || callee.endsWith(".permutation");
}

const CONVERSIONS = new Set(["numpy", "tolist", "to", "cuda", "cpu", "long"]);
