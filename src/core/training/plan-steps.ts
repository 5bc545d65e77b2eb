// The optimizer steps a plan's own figures imply, for a plan with no model to estimate (no run total): a reader of
// the plan should not have to redo the step count, and cannot without knowing drop_last and accumulation.
import { optimizerSteps } from "../energy/training-run";
import type { TrainingPlan } from "./training-plan";

/** Optimizer steps worked out from the plan's other figures, and how. */
export interface DerivedSteps {
  value: number;
  detail: string;
}

/** The plan's optimizer steps: its stated steps, else epochs × batches per epoch (⌊⌋ with drop_last, ⌈⌉ without) grouped by its accumulation. */
export function planOptimizerSteps(plan: TrainingPlan): DerivedSteps | undefined {
  if (plan.steps) return { value: plan.steps.value, detail: plan.steps.detail };
  const { epochs, samples, batch } = plan;
  if (!epochs || !samples || !batch) return undefined;
  const accumulation = plan.accumulation?.value;
  let value: number;
  try {
    value = optimizerSteps({ epochs: epochs.value, samples: samples.value, batch: batch.value, dropLast: plan.dropLast === true, accumulation }, batch.value);
  } catch {
    // A figure the schedule cannot use (a fraction, zero): no count rather than a wrong one.
    return undefined;
  }
  const perEpoch = plan.dropLast ? "⌊samples / batch⌋ (drop_last)" : "⌈samples / batch⌉";
  const grouped = accumulation && accumulation > 1 ? `, grouped by ${accumulation} micro-batches per step (⌈⌉)` : "";
  return { value, detail: `epochs × ${perEpoch}${grouped}` };
}
