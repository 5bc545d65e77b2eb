// A batch larger than the data: PyTorch's BatchSampler yields the indices it has gathered when the sampler runs out
// and drop_last is False (pytorch.org/docs/stable/data.html#torch.utils.data.BatchSampler), and Keras' fit makes one
// batch of every row when batch_size exceeds them, so `DataLoader(four_pairs, batch_size=1000)` trains on batches of
// 4, not 1000. The step is costed at the batch the run holds.
import type { PlanFigure, TrainingPlan } from "./training-plan";

/** The batch an epoch over `samples` holds: all of them where the stated batch is larger (drop_last=False), with a
 *  note saying so; the stated batch otherwise. */
export function batchWithinSamples(batch: PlanFigure, samples: PlanFigure, dropLast: boolean): { batch: PlanFigure; note?: string } {
  if (dropLast || samples.value >= batch.value || !Number.isInteger(samples.value) || samples.value < 1) return { batch };
  return {
    batch: { ...batch, value: samples.value, detail: `${batch.detail}, over ${samples.value} samples: one batch of all of them` },
    note: `batch: ${batch.detail} is larger than the ${samples.value} samples it batches, so each epoch is one batch of ${samples.value}`,
  };
}

/** The batch of a plan given without a model to run it (training_plans): its stated batch, held to its samples as a
 *  run's is when the plan counts epochs of samples and states no steps; undefined when it states no batch. */
export function planBatchWithinSamples(plan: TrainingPlan): { batch?: PlanFigure; note?: string } {
  if (!plan.batch || !plan.epochs || !plan.samples || plan.steps) return { batch: plan.batch };
  return batchWithinSamples(plan.batch, plan.samples, plan.dropLast === true);
}
