// A loop over `enumerate(...)` that leaves at a known index: k-fold scripts train some folds only with `for fold,
// (tr, va) in enumerate(kf.split(X)): if fold == cfg.fold: break` (or `>=`). Python leaves the loop at the first index
// the test holds for, so only the turns before it run what the body holds; read alone, the loop counted every fold
// (docs.python.org/3/library/functions.html#enumerate: the index starts at `start`, 0 by default).
import type { Expression, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { dottedName, keywordArgument, positionalArgument } from "../python/syntax-walk";
import { positiveOrZero } from "../interp/value-figures";
import { breakGuards } from "./counter-budget";
import type { GatedPasses } from "./gated-passes";

type ForStatement = Extract<Statement, { type: "for" }>;

/**
 * The turns `for i, x in enumerate(items[, start])` makes before its only break, `if i == K: break` (or `i >= K`,
 * `i > K`) among the loop's own statements, where the loop would otherwise make `count` turns. Undefined when the
 * loop is over something else, has another break, or the bound is unknown or never reached.
 */
export function passesBeforeIndexBreak(loop: ForStatement, count: number, evaluate: (e: Expression) => Value | undefined, text: string): GatedPasses | undefined {
  const index = loop.target.type === "tuple" || loop.target.type === "list" ? loop.target.items[0] : undefined;
  const iter = loop.iter;
  if (index?.type !== "name" || iter.type !== "call" || dottedName(iter.func) !== "enumerate") return undefined;
  const startGiven = positionalArgument(iter, 1) ?? keywordArgument(iter, "start");
  const start = startGiven ? positiveOrZero(evaluate(startGiven)) : 0;
  const guards = breakGuards(loop);
  const guard = guards.length === 1 ? guards[0] : undefined;
  // The break sits directly under an `if` of the loop's own body, so every turn reaches the test.
  const own = guard !== undefined && loop.body.some((s) => s.type === "if" && s.test === guard && s.body.some((b) => b.type === "break"));
  const bound = own ? indexBound(guard!, index.id) : undefined;
  const k = bound ? positiveOrZero(evaluate(bound.bound)) : undefined;
  if (start === undefined || !bound || k === undefined) return undefined;
  // `==` leaves at K only when the index reaches it; `>=` and `>` at the first index past the bound.
  const breaksAt = bound.op === "==" ? k : bound.op === ">=" ? Math.max(k, start) : Math.max(k + 1, start);
  if (breaksAt < start || breaksAt >= start + count) return undefined;
  const value = breaksAt - start;
  return { value, detail: `until ${text.slice(guard!.pos.startIndex, guard!.pos.endIndex)}: break, ${value.toLocaleString("en-US")} ${value === 1 ? "turn" : "turns"}` };
}

/** `i == K`, `i >= K`, `i > K` (either side), for the loop's index `name`. */
function indexBound(test: Expression, name: string): { bound: Expression; op: "==" | ">=" | ">" } | undefined {
  if (test.type !== "compare" || test.ops.length !== 1) return undefined;
  const [op, left, right] = [test.ops[0], test.left, test.comparators[0]];
  const isIndex = (e: Expression) => e.type === "name" && e.id === name;
  const flipped: Record<string, "==" | ">=" | ">"> = { "==": "==", "<=": ">=", "<": ">" };
  if (isIndex(left) && (op === "==" || op === ">=" || op === ">") && !isIndex(right)) return { bound: right, op };
  if (isIndex(right) && flipped[op] && !isIndex(left)) return { bound: left, op: flipped[op] };
  return undefined;
}
