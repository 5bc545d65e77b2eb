// A training loop over a loader that nothing repeats runs one pass of its data: a script or a notebook cell that
// walks `for x, y in loader:` once (at module level, or in a function called once from no loop) trains one epoch,
// as Python runs the loop's body once a batch and then goes on. Without this the plan had no epoch count and the
// run none, though its samples and batch were read.
import type { FunctionDefinition, Statement } from "../python/ast";
import { callerAncestors } from "../python/syntax-walk";

/** How many callers up a function called once is followed (`main()` → `train_epoch(...)`). */
const MAX_DEPTH = 3;

const isLoop = (s: Statement) => s.type === "for" || s.type === "while";

/** True when the plain run reaches `loop` once: none of the file's `loops` encloses it, and the function it sits in
 *  (if any) is called exactly once by name, from no loop, by code that itself runs once. */
export function runsOnce(loop: Statement, fn: FunctionDefinition | undefined, loops: readonly Statement[], body: Statement[], text: string): boolean {
  const enclosed = loops.some((l) => l !== loop && l.pos.startIndex <= loop.pos.startIndex && loop.pos.endIndex <= l.pos.endIndex);
  return !enclosed && (!fn || calledOnce(fn, body, text, 0));
}

/** Whether a function is called exactly once by name, from no loop, in code that runs once (followed up its callers).
 *  Only function bodies whose text names it are walked (lowered on first read, syntax-walk.ts's `mentions`). */
function calledOnce(fn: FunctionDefinition, body: Statement[], text: string, depth: number): boolean {
  if (depth >= MAX_DEPTH) return false;
  const callers = callerAncestors(fn, body, text);
  if (callers.length !== 1 || callers[0].some(isLoop)) return false;
  const outer = [...callers[0]].reverse().find((a): a is FunctionDefinition => a.type === "function");
  return !outer || calledOnce(outer, body, text, depth + 1);
}
