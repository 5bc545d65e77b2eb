// An inference script builds DataLoaders too (`DataLoader(test_set, batch_size=1)` to predict over): a batch read
// from one is a training run's only where the file trains. A file whose text names no training at all (no backward
// pass, optimizer or optimizer step, fit, trainer, training call or gradient update) and whose plan holds nothing but
// that batch states no run, so no plan and no model run take the loader's batch for a training batch.
import type { TrainingPlan } from "./training-plan";

/** Words of any training a file could hold or start: a backward pass, an optimizer or its step, a library's fit or
 *  trainer, a call named for training, TensorFlow's minimize/apply_gradients/tape, Keras' train_on_batch. */
const TRAINING_WORDS = /\bbackward\s*\(|\.step\s*\(|\boptim\b|\boptimi[sz]er|Optimizer\b|\bfit\w*\s*\(|[Tt]rainer\b|\w*train\w*\s*\(|\bminimize\s*\(|apply_gradients|GradientTape|\bcompile\s*\(|\bLearner\b|\blearner\b/;

/** Whether the plan states nothing but a batch (no epochs, steps, samples, accumulation or precision of its own). */
function batchOnly(plan: TrainingPlan): boolean {
  return plan.batch !== undefined && !plan.epochs && !plan.steps && !plan.samples && !plan.accumulation && (!plan.precision || plan.precision.value === "fp32");
}

/** Import lines: importing an optimizer (`from torch.optim import Adam`, left over in a prediction script) uses none. */
const IMPORT_LINE = /^[ \t]*(?:from[ \t]+\S+[ \t]+)?import[ \t][^\n]*$/gm;

/** Whether a plan is an inference script's loader batch: only a batch, in a file whose code past its imports names
 *  no training. */
export function inferenceLoaderOnly(plan: TrainingPlan, text: string): boolean {
  return batchOnly(plan) && !TRAINING_WORDS.test(text.replace(IMPORT_LINE, ""));
}
