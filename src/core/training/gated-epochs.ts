// An epoch loop whose pass over the data sits under a test of the epoch index (`for epoch in range(0, epochs + 1):
// if epoch > 0: for x, _ in train_loader: ... step()`, a first turn that only evaluates the untrained network): the
// turns the test turns away train nothing, so the run's epochs are the turns it lets through (gated-passes.ts reads
// the test: a start `epoch > L`, `epoch >= L`, or a period `epoch % N == 0`).
import type { Expression, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { gatedPasses, type GatedPasses } from "./gated-passes";

/** The turns of an epoch loop that reach its step loop, when a test of the loop's index turns some away; undefined
 *  when nothing gates the step loop, the test cannot be read, or it lets every turn through. */
export function gatedEpochs(loop: Statement, stepLoop: Statement | undefined, evaluate: (e: Expression) => Value | undefined, text: string): GatedPasses | undefined {
  if (loop.type !== "for" || !stepLoop) return undefined;
  const gated = gatedPasses(loop, stepLoop, evaluate, text);
  const all = evaluate(loop.iter);
  const turns = all?.kind === "range" && all.step === 1 ? Math.max(0, all.stop - all.start) : undefined;
  return gated && turns !== undefined && gated.value < turns && gated.value > 0 ? gated : undefined;
}
