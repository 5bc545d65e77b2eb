// Networks stepped at their own cadences in the epoch loop rather than in its step loop: a Keras GAN trains its critic
// `for _ in range(n_critic)` and its generator once after, each iteration of `for epoch in range(epochs)` (the step
// loop the plan counts is the critic's). Read on the epoch loop, each cadence's passes are the run's epochs.
import type { Expression, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { updateCadences, type UpdateCadence } from "./update-cadence";

type ForStatement = Extract<Statement, { type: "for" }>;

/** The cadences of the optimizers stepped in `epochLoop`, where at least one of them is stepped outside every step
 *  loop the plan counted (else the step loop's own cadences are the run's) and no loop holds all of them. */
export function epochCadences(epochLoop: ForStatement, stepLoops: readonly Statement[], body: Statement[], text: string, evaluate: (e: Expression) => Value | undefined): UpdateCadence[] | undefined {
  const cadences = updateCadences(epochLoop, body, text, evaluate, { sharedLoopsCounted: false });
  if (!cadences) return undefined;
  const inStepLoop = (line: number) => stepLoops.some((l) => l !== epochLoop && l.pos.line <= line && line <= l.pos.endLine);
  if (!cadences.some((c) => !c.unread && !inStepLoop(c.line))) return undefined;
  return cadences.map((c) => ({ ...c, ofEpochs: true as const }));
}
