// A counter that goes up by more than one a pass and ends the loop at a bound: `step += batch_size` then
// `if step > total_steps: return` (a VQ-VAE trainer counting the examples it has seen). The loop leaves at the first
// pass whose counter passes the bound, ⌊N / k⌋ + 1 for `>` and ⌈N / k⌉ for `>=` from a counter at 0, not at pass N.
import type { Expression } from "../python/ast";

/** The increment `by` of a counter's `counter += by` when it is not the literal 1, and the bound test's strictness,
 *  for `if counter > N:` / `if counter >= N:` (plain name on the left); undefined for any other test or increment. */
export function stridedBreak(test: Expression, by: Expression): { by: Expression; strict: boolean } | undefined {
  if (by.type === "int" && by.value === 1) return undefined;
  if (test.type !== "compare" || test.ops.length !== 1 || test.left.type !== "name") return undefined;
  const op = test.ops[0];
  return op === ">" || op === ">=" ? { by, strict: op === ">" } : undefined;
}

/** Steps a loop takes before `if counter > N` (`>=` unless strict) ends it, its counter from 0 going up by `stride` a
 *  pass before the test; a test before the step leaves the breaking pass without one. */
export function stridedBreakSteps(bound: number, stride: number, strict: boolean, afterStep: boolean): number {
  const breakingPass = strict ? Math.floor(bound / stride) + 1 : Math.ceil(bound / stride);
  return breakingPass - (afterStep ? 0 : 1);
}
