import type { Statement } from "../python/ast";
import { callsIn, forEachStatement, type CallExpression } from "../python/syntax-walk";

// Gradient accumulation written out once, as a notebook shows it: `optimizer.zero_grad()`, then `for step in
// range(accumulation_steps):` running a forward and `loss.backward()` on each micro-batch, then one
// `optimizer.step()` after the loop. Python runs that step once, when the loop has ended: the loop's turns are the
// micro-batches of a single optimizer step, not steps of their own.

/** The optimizer step (`name.step(...)`) among the statements after a loop in its own block, before any other loop,
 *  when no loop encloses that block: the one step the loop's backward passes add up to. */
export function stepAfterLoop(body: Statement[], loop: Statement): CallExpression | undefined {
  let found: CallExpression | undefined;
  forEachStatement(body, ({ statement, body: block, index, ancestors }) => {
    if (found || statement !== loop) return;
    if (ancestors.some((a) => a.type === "for" || a.type === "while")) return;
    for (const next of block.slice(index + 1)) {
      if (next.type === "for" || next.type === "while") return;
      const step = callsIn(next, false).find((c) => c.func.type === "attribute" && c.func.name === "step" && c.func.object.type === "name" && c.args.length === 0);
      if (step) {
        found = step;
        return;
      }
    }
  });
  return found;
}
