// Networks stepped in counted loops of their own, one after the other, in each pass of an outer loop: a policy-gradient
// agent fits its baseline `for i in range(100)` and then its actor `for i in range(10)` on each episode's batch. The
// plan counts one of those loops (its passes over the outer loop's); each optimizer's steps are the outer loop's
// passes times its own loop's count, so a network is stepped `times / per` of the plan's passes.
import type { Expression, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { updateCadences, type UpdateCadence } from "./update-cadence";

type ForStatement = Extract<Statement, { type: "for" }>;

/** The cadences of the optimizers stepped in `outer` relative to the passes of `stepLoop`, a counted loop inside it that
 *  the plan counted: each as its steps a pass of `outer` over `stepLoop`'s passes a pass of `outer`. Undefined unless
 *  the step loop's own optimizer is read at exactly its count, and another optimizer at another count. */
export function siblingLoopCadences(outer: ForStatement, stepLoop: ForStatement, body: Statement[], text: string, evaluate: (e: Expression) => Value | undefined): UpdateCadence[] | undefined {
  const count = rangePasses(evaluate(stepLoop.iter));
  if (count === undefined || count <= 1) return undefined;
  const cadences = updateCadences(outer, body, text, evaluate, {});
  if (!cadences || cadences.some((c) => c.unread || c.every)) return undefined;
  const inStepLoop = (c: UpdateCadence) => stepLoop.pos.line <= c.line && c.line <= stepLoop.pos.endLine;
  const own = cadences.filter(inStepLoop);
  if (own.length !== 1 || own[0].times !== count || !cadences.some((c) => !inStepLoop(c) && c.times !== count)) return undefined;
  return cadences.map((c) => ({ ...c, per: count }));
}

function rangePasses(value: Value | undefined): number | undefined {
  if (value?.kind !== "range") return undefined;
  const passes = Math.max(0, Math.ceil((value.stop - value.start) / value.step));
  return Number.isFinite(passes) ? passes : undefined;
}
