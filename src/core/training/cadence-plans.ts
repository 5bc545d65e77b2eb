// A network stepped at its optimizer's own cadence in the loop the plan counts (update-cadence.ts) has a run of its
// own: the plan's figures, with the steps that optimizer takes.
import type { TrainingPlan } from "./training-plan";
import { stepsOfPasses, unreadCadenceNote, type UpdateCadence } from "./update-cadence";

/** A model's own plan (by the names it is bound to) where an optimizer of the plan's step loop trains it at another
 *  cadence than the loop's passes: the plan with that optimizer's steps; undefined where the plan's count stands. */
export function planAtCadence(plan: TrainingPlan, bound: readonly string[]): TrainingPlan | undefined {
  const own = bound.map((n) => n.split(".").pop());
  const matching = (plan.updateCadences ?? []).filter((c) => c.owners.some((o) => own.includes(o)));
  const passes = loopPasses(plan);
  if (!passes || matching.length !== 1) return undefined;
  const [cadence] = matching;
  if (cadence.unread) return undefined;
  // A cadence read on the epoch loop counts epochs, whatever the step loop's passes.
  const value = cadence.ofEpochs ? (plan.epochs ? stepsOfPasses(cadence, plan.epochs.value) : 0) : passes.perEpoch !== undefined ? passes.epochs * stepsOfPasses(cadence, passes.perEpoch) : stepsOfPasses(cadence, passes.total);
  if (value === passes.total || value <= 0) return undefined;
  return { ...withoutCadences(plan), steps: { value, source: "code", line: cadence.line, detail: cadence.ofEpochs ? `${cadence.detail} of the epoch loop: ${value.toLocaleString("en-US")} steps over its ${plan.epochs!.value.toLocaleString("en-US")} passes` : `${cadence.detail}: ${value.toLocaleString("en-US")} steps over the loop's ${passes.total.toLocaleString("en-US")} passes` } };
}

/**
 * The plan less the notes of cadences the analysis could not count whose optimizer trains other networks than those
 * `bound` names, where a model of the file is one of those (a note that D's steps are an upper bound is no note of G);
 * undefined where no note is dropped.
 */
export function withoutOthersCadenceNotes(plan: TrainingPlan, cadences: readonly UpdateCadence[], bound: readonly string[], ownedByModel: (cadence: UpdateCadence) => boolean): TrainingPlan | undefined {
  const own = bound.map((n) => n.split(".").pop());
  const foreign = new Set(cadences.filter((c) => c.unread && ownedByModel(c) && !c.owners.some((o) => own.includes(o))).map(unreadCadenceNote));
  if (foreign.size === 0 || !plan.notes?.some((n) => foreign.has(n))) return undefined;
  return { ...plan, notes: plan.notes.filter((n) => !foreign.has(n)) };
}

/** The plan without its cadences: they are read once, by planAtCadence, and are no figure of the run. */
export function withoutCadences(plan: TrainingPlan): TrainingPlan {
  const { updateCadences: _, ...rest } = plan;
  return rest;
}

/** The passes of the plan's step loop: its steps, or epochs × batches an epoch (⌈⌉, ⌊⌋ with drop_last). */
function loopPasses(plan: TrainingPlan): { total: number; epochs: number; perEpoch?: number } | undefined {
  if (plan.steps) return { total: plan.steps.value, epochs: 1 };
  const { epochs, samples, batch } = plan;
  if (!epochs || !samples || !batch || batch.value <= 0) return undefined;
  const perEpoch = plan.dropLast ? Math.floor(samples.value / batch.value) : Math.ceil(samples.value / batch.value);
  return { total: epochs.value * perEpoch, epochs: epochs.value, perEpoch };
}
