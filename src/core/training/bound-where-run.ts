// A script's or notebook's top level binds one name again and again (`X = numpy.reshape(dataX, (len(dataX), 1, 1))`
// for one model, `X = pad_sequences(dataX, ...)` for the next): the namespace holds only the last value, but a site
// between two bindings reads the one bound before it, as Python runs the statements in order. The interpreter keeps
// what each top-level single-name assignment bound (Interpreter.boundValues); this picks, for a top-level site, the
// value of each name whose last binding before the site is such an assignment and which the top level binds again
// after it.
import type { Value } from "../interp/values";
import type { Statement } from "../python/ast";
import { boundNames, forEachStatement, targetNames } from "../python/syntax-walk";

/** The top-level statements of a body that bind each name (in a nested block too, functions and classes aside). */
const bindingsMemo = new WeakMap<Statement[], Map<string, Statement[]>>();

function topLevelBindings(body: Statement[]): Map<string, Statement[]> {
  const memo = bindingsMemo.get(body);
  if (memo) return memo;
  const out = new Map<string, Statement[]>();
  for (const top of body) {
    const names = new Set<string>();
    forEachStatement([top], ({ statement: s }) => {
      for (const n of boundNames(s)) names.add(n);
      if (s.type === "for") for (const n of targetNames(s.target)) names.add(n);
      if (s.type === "with") for (const item of s.items) if (item.target) for (const n of targetNames(item.target)) names.add(n);
    }, [], () => false);
    for (const n of names) out.set(n, [...(out.get(n) ?? []), top]);
  }
  bindingsMemo.set(body, out);
  return out;
}

/** Values the names held where a top-level site at `at` (a source offset) runs, for those the top level binds both
 *  before the site (last by a single-name assignment whose value the interpreter kept) and again after it. Names
 *  bound only once, or last before the site by a loop, a branch or a tuple, are left to the namespace. */
export function valuesBoundBefore(body: Statement[], bound: ReadonlyMap<Statement, Value>, names: Iterable<string>, at: number): Map<string, Value> {
  const out = new Map<string, Value>();
  const bindings = topLevelBindings(body);
  for (const name of names) {
    const statements = bindings.get(name);
    if (!statements || statements.length < 2) continue;
    if (!statements.some((s) => s.pos.startIndex > at)) continue;
    // A block that holds the site and binds the name itself (a loop over it) gives the site its own value.
    if (statements.some((s) => s.pos.startIndex <= at && at < s.pos.endIndex)) continue;
    const before = statements.filter((s) => s.pos.endIndex <= at).pop();
    if (!before || before.type !== "assign" || before.targets.length !== 1 || before.targets[0].type !== "name") continue;
    const value = bound.get(before);
    if (value && value.kind !== "unknown") out.set(name, value);
  }
  return out;
}
