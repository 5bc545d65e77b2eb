// Full-batch training: an epoch loop that runs backward and steps the optimizer once per pass, with no loop over
// batches inside (`for epoch in range(5000): out = model(x); loss.backward(); optimizer.step()`, or the same in a
// function the loop calls, `for epoch in range(E): train()`). Each epoch is then one optimizer step over the whole
// data, as graph networks on one graph and small tutorial models train.
import type { FunctionDefinition, Statement } from "../python/ast";
import { calleeName, forEachStatement } from "../python/syntax-walk";
import { loopShape, ownCalls, stepsOnceInBody, type LoopStatement } from "./loop-shape";

interface Span {
  startIndex: number;
  endIndex: number;
}

const within = (inner: Span, outer: Span) => inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;

/** Whether each pass of the epoch loop takes one optimizer step: its own body steps after backward (not in a loop of
 *  its own), or it calls by name a module-level function of `body` that does, outside any loop. `nestedStepLoop` says
 *  whether a step loop is nested in the epoch loop (then its steps are per batch, not per epoch). */
export function stepsOncePerEpoch(body: Statement[], loop: LoopStatement, nestedStepLoop: boolean): boolean {
  if (nestedStepLoop) return false;
  if (loopShape(loop).stepLoop) return true;
  // Calls in the loop's own statements: a function called inside a loop over batches steps once per batch.
  const called = new Set(ownCalls(loop.body).flatMap((c) => (c.func.type === "name" ? [calleeName(c)] : [])));
  const functions = body.filter((s): s is FunctionDefinition => s.type === "function" && called.has(s.name) && !within(loop.pos, s.pos));
  // One called function that steps once, and none whose loop steps per batch (those are the step-loop rules').
  return functions.some((f) => stepsOnceInBody(f.body)) && !functions.some((f) => holdsStepLoop(f.body));
}

/** Whether a function body holds a loop that steps the optimizer (then its steps are per batch). */
function holdsStepLoop(body: Statement[]): boolean {
  let found = false;
  forEachStatement(body, ({ statement: s }) => {
    if (!found && (s.type === "for" || s.type === "while") && loopShape(s).stepLoop) found = true;
  });
  return found;
}
