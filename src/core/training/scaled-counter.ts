// A `while` loop bounded by its counter times a factor: `while step * batch_size < training_iters:` with `step += 1`
// each pass (TensorFlow 1.x tutorials count examples seen so). Python tests the product before each pass, so from
// step 0 the loop runs once for each step with step × k < N: ⌈N / k⌉ passes (⌊N / k⌋ + 1 for `<=`), not N.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";
import { positiveInteger } from "../interp/value-figures";

/** The counter name and the factor of a loop test's left side `counter * k` (or `k * counter`), where k evaluates to
 *  a positive whole number; undefined for any other expression. */
export function scaledCounter(left: Expression, evaluate: (e: Expression) => Value | undefined): { counter: string; factor: number } | undefined {
  if (left.type !== "binary" || left.op !== "*") return undefined;
  for (const [counter, scale] of [[left.left, left.right], [left.right, left.left]] as const) {
    if (counter.type !== "name") continue;
    const factor = positiveInteger(evaluate(scale));
    if (factor !== undefined) return { counter: counter.id, factor };
  }
  return undefined;
}

/** Passes of `while counter * factor < bound` (`<=` when inclusive) for a counter from 0 that goes up by `stride`. */
export function scaledCounterPasses(bound: number, inclusive: boolean, factor: number, stride: number): number {
  const per = factor * stride;
  return inclusive ? Math.floor(bound / per) + 1 : Math.ceil(bound / per);
}
