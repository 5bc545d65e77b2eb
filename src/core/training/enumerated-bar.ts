// `for i, (x, y) in enumerate(pbar)` inside `with tqdm(dataset) as pbar:` (or after `pbar = tqdm(loader)`): enumerate
// yields an (index, item) pair for each item of its iterable (docs.python.org/3/library/functions.html#enumerate),
// so the loop walks what the bar wraps, as `for x, y in pbar` does (training-plan.ts, withBoundIterables).
import type { Expression } from "../python/ast";
import { dottedName, positionalArgument } from "../python/syntax-walk";

/** `enumerate(...)` with its iterable as the first positional argument. */
function enumerated(iter: Expression): Expression | undefined {
  if (iter.type !== "call" || dottedName(iter.func) !== "enumerate") return undefined;
  return positionalArgument(iter, 0);
}

/** The name a loop's iterable walks: itself (`pbar`) or the name `enumerate` counts over (`enumerate(pbar)`). */
export function walkedBarName(iter: Expression): string | undefined {
  const walked = enumerated(iter) ?? iter;
  return walked.type === "name" ? walked.id : undefined;
}

/** The loop's iterable with its walked name replaced by what the name stands for (`wrapped`): `wrapped` itself, or
 *  `enumerate(wrapped, ...)` for `enumerate(pbar, ...)`. */
export function iterableThrough(iter: Expression, wrapped: Expression): Expression {
  if (iter.type !== "call" || !enumerated(iter)) return wrapped;
  const first = iter.args.findIndex((a) => a.kind === "positional");
  return { ...iter, args: iter.args.map((a, i) => (i === first ? { kind: "positional" as const, value: wrapped } : a)) };
}
