// A counted loop whose bound an outer loop over written-out values sets on each turn: `for stage, num_steps in
// enumerate([10, 20]): for k in range(num_steps):` (a benchmark's burn-in, then its timed steps). Python runs the
// inner loop 10 times and then 20, so its passes over the whole outer loop are the sum of each turn's range, where
// one turn's count times the turns cannot be read (the bound is a different number on each turn).
import type { Expression, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { positiveInteger, positiveOrZero } from "../interp/value-figures";
import { snippet } from "../python/code-snippet";

type ForStatement = Extract<Statement, { type: "for" }>;

/** The passes of `inner` (`for ... in range(n)`, `range(a, n, s)`) summed over the turns of the loop of `outers` that
 *  binds n from a list or tuple written out in its head (`for n in [10, 20]`, `for i, n in enumerate([...])`, `for
 *  name, n in [("warm", 5), ("run", 50)]`), each value evaluated; undefined when any part is not read. */
export function listedBoundPasses(inner: ForStatement, outers: ForStatement[], evaluate: (e: Expression) => Value | undefined, text: string): { passes: number; outer: ForStatement; detail: string } | undefined {
  const iter = inner.iter;
  if (iter.type !== "call" || iter.func.type !== "name" || iter.func.id !== "range" || iter.args.some((a) => a.kind !== "positional")) return undefined;
  const args = iter.args.map((a) => a.value);
  if (args.length < 1 || args.length > 3) return undefined;
  const bound = args.findIndex((a) => a.type === "name" && outers.some((o) => listedValues(o, a.id) !== undefined));
  if (bound < 0) return undefined;
  const name = (args[bound] as Extract<Expression, { type: "name" }>).id;
  // The innermost loop binding the name is the one whose turns set it.
  const outer = [...outers].reverse().find((o) => listedValues(o, name) !== undefined)!;
  const values = listedValues(outer, name)!.map((e) => positiveOrZero(evaluate(e)));
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  const fixed = args.map((a, i) => (i === bound ? 0 : i === 2 ? positiveInteger(evaluate(a)) : positiveOrZero(evaluate(a))));
  if (fixed.some((v) => v === undefined)) return undefined;
  let passes = 0;
  for (const v of values as number[]) {
    const turn = fixed.map((f, i) => (i === bound ? v : f!));
    const [start, stop, step] = turn.length === 1 ? [0, turn[0], 1] : [turn[0], turn[1], turn[2] ?? 1];
    passes += Math.max(0, Math.ceil((stop - start) / step));
  }
  const head = (s: ForStatement) => `for ${snippet(text, s.target)} in ${snippet(text, s.iter)}`;
  return { passes, outer, detail: `${head(outer)}: ${head(inner)} with ${name} = ${(values as number[]).join(", ")} in turn` };
}

/** The expressions a `for` loop's head binds `name` to, one a turn, where the head writes them out; else undefined. */
function listedValues(loop: ForStatement, name: string): Expression[] | undefined {
  let target = loop.target;
  let sequence = loop.iter;
  // `enumerate(seq)` hands out (index, item): the item is the tuple target's second part.
  if (sequence.type === "call" && sequence.func.type === "name" && sequence.func.id === "enumerate" && sequence.args[0]?.kind === "positional" && target.type === "tuple" && target.items.length === 2) {
    sequence = sequence.args[0].value;
    target = target.items[1];
  }
  if (sequence.type !== "list" && sequence.type !== "tuple") return undefined;
  if (target.type === "name") return target.id === name ? sequence.items : undefined;
  if (target.type !== "tuple" && target.type !== "list") return undefined;
  const at = target.items.findIndex((t) => t.type === "name" && t.id === name);
  if (at < 0) return undefined;
  const width = target.items.length;
  const parts = sequence.items.map((item) => ((item.type === "tuple" || item.type === "list") && item.items.length === width ? item.items[at] : undefined));
  return parts.every((p) => p !== undefined) ? (parts as Expression[]) : undefined;
}
