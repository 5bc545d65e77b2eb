// `while step < max_steps:` around an episode (`while not done: step += 1; env.step(...)`) whose update comes after
// the episode, once a pass of the outer loop (REINFORCE's end-of-episode update): the counter goes up once an
// environment step, in the inner loop, so each outer pass moves it by the episode's length, which the code does not
// state. The outer loop then runs as many passes as there are episodes, not max_steps.
import type { Expression, Statement } from "../python/ast";
import { forEachStatement } from "../python/syntax-walk";
import { ownStatements } from "./loop-shape";

/** Whether `name` is bound (assigned or augmented) in `body` only by statements of loops nested in it, never by the
 *  body's own statements (those of its `if`/`with`/`try` blocks included). */
export function advancedOnlyInInnerLoops(body: Statement[], name: string): boolean {
  const binds = (s: Statement) => (s.type === "augmented" && s.target.type === "name" && s.target.id === name) || (s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === name));
  if (ownStatements(body).some(binds)) return false;
  let nested = false;
  forEachStatement(body, ({ statement }) => {
    if (!nested && binds(statement)) nested = true;
  }, [], () => false);
  return nested;
}

/** The bound of `while counter < bound:` (or `<=`) whose counter only loops nested in its body advance; undefined
 *  for any other loop. */
export function innerAdvancedBound(loop: Statement): Expression | undefined {
  if (loop.type !== "while" || loop.test.type !== "compare" || loop.test.ops.length !== 1 || (loop.test.ops[0] !== "<" && loop.test.ops[0] !== "<=")) return undefined;
  const counter = loop.test.left;
  return counter.type === "name" && advancedOnlyInInnerLoops(loop.body, counter.id) ? loop.test.comparators[0] : undefined;
}
