// A training loop over a loader that nothing repeats runs one pass of its data: a script or a notebook cell that
// walks `for x, y in loader:` once (at module level, or in a function called once from no loop) trains one epoch,
// as Python runs the loop's body once a batch and then goes on. Without this the plan had no epoch count and the
// run none, though its samples and batch were read.
import type { FunctionDefinition, Statement } from "../python/ast";
import { forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";

/** How many callers up a function called once is followed (`main()` → `train_epoch(...)`). */
const MAX_DEPTH = 3;

const isLoop = (s: Statement) => s.type === "for" || s.type === "while";

/** True when the plain run reaches `loop` once: no loop of the file encloses it, and the function it sits in (if
 *  any) is called exactly once by name, from no loop, by code that itself runs once. */
export function runsOnce(loop: Statement, fn: FunctionDefinition | undefined, body: Statement[]): boolean {
  let enclosed = false;
  forEachStatement(body, ({ statement, ancestors }) => {
    if (statement === loop && ancestors.some(isLoop)) enclosed = true;
  });
  return !enclosed && (!fn || calledOnce(fn, body, 0));
}

/** Whether a function is called exactly once by name, from no loop, in code that runs once (followed up its callers). */
function calledOnce(fn: FunctionDefinition, body: Statement[], depth: number): boolean {
  if (depth >= MAX_DEPTH) return false;
  const callers: Statement[][] = [];
  forEachStatement(body, ({ statement, ancestors }) => {
    if (statement === fn || ancestors.includes(fn)) return;
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (e.type === "call" && e.func.type === "name" && e.func.id === fn.name) callers.push(ancestors);
    });
  });
  if (callers.length !== 1 || callers[0].some(isLoop)) return false;
  const outer = [...callers[0]].reverse().find((a): a is FunctionDefinition => a.type === "function");
  return !outer || calledOnce(outer, body, depth + 1);
}
