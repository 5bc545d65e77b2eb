// A step loop in a function or method (`for _ in range(n_critic): ... optimizer.step()`) whose one call sits in a loop
// over data of unstated length (`for real, _ in loader: self.train_step(real)`) runs its count on every turn of that
// loop, as it would written inside it: its count is each batch's, and the run's steps are the loop's turns times it,
// which the code does not state. Read alone, the inner count stood for the run's steps (or one epoch's).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { loopsAroundCall, onlyCallOf } from "./loops-around-call";

type ForStatement = Extract<Statement, { type: "for" }>;

/** Whether the one call of `fn` in `body` sits in a `for` loop (in its own function, or up the callers of a
 *  module-level one) that `uncounted` says has a length the code does not state. */
export function calledInUncountedLoop(fn: FunctionDefinition, body: Statement[], text: string, uncounted: (loop: ForStatement, call: Expression) => boolean): boolean {
  const call = onlyCallOf(fn, body, text);
  const around = call ? loopsAroundCall(call, body, text) : undefined;
  return around !== undefined && around.loops.some((loop) => uncounted(loop, call!));
}
