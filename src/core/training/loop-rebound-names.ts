// `epoch = 400`, then `for epoch in range(epoch):`: Python works out the loop's iterable once, before the loop binds
// its target (docs.python.org/3/reference/compound_stmts.html#the-for-statement), so the range counts 400 passes. The
// module namespace a site is read in holds each name's last value, here the loop's last index (399): a setting that a
// module-level loop also binds as its target must be read as bound where the site runs, as a setting bound twice is.
import type { Statement } from "../python/ast";
import { forEachStatement, targetNames } from "../python/syntax-walk";

/** Names that a module body's own `for` loops bind as their targets (loops nested in other blocks too; function and
 *  class bodies left out). */
export function moduleLoopTargets(body: Statement[]): Set<string> {
  const out = new Set<string>();
  forEachStatement(body, ({ statement: s, ancestors }) => {
    if (s.type === "for" && !ancestors.some((a) => a.type === "class")) for (const name of targetNames(s.target)) out.add(name);
  }, [], () => false);
  return out;
}
