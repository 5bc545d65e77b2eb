// Keras fit on arrays with steps_per_epoch and no batch_size does not batch by 32: the array adapter splits the arrays
// into that many batches, `batch_size = int(math.ceil(num_samples / steps)) if steps else 32` (TensorFlow 2.x
// keras/engine/data_adapter.py TensorLikeDataAdapter; Keras 3 trainers/data_adapters/array_data_adapter.py likewise),
// num_samples being what is left after validation_split. So the batch follows the samples, and is unknown with them.

/** The batch figure such a fit gives: a plan figure read from the code, declared here in its own shape because
 *  training-plan.ts imports this file. */
export interface StepsSplitFigure {
  value: number;
  source: "code";
  line: number;
  detail: string;
}

/** A fit on arrays given steps_per_epoch and no batch_size: the steps an epoch (undefined where not a number). */
export interface StepsSplitFit {
  steps: number | undefined;
  line: number;
  code: string;
}

/** The batch such a fit trains at: ⌈samples / steps_per_epoch⌉; undefined where either is not known. */
export function stepsSplitBatch(fit: StepsSplitFit, samples: { value: number } | undefined): StepsSplitFigure | undefined {
  if (fit.steps === undefined || !samples) return undefined;
  const value = Math.ceil(samples.value / fit.steps);
  return { value, source: "code", line: fit.line, detail: `${fit.code} on arrays without batch_size: ⌈${samples.value.toLocaleString("en-US")} samples / ${fit.steps} steps⌉ (Keras' array adapter: batch_size = ceil(num_samples / steps))` };
}

/** Why the batch is unknown for such a fit whose samples are not known. */
export function stepsSplitUnknown(fit: StepsSplitFit): { line: number; detail: string } {
  return { line: fit.line, detail: `${fit.code} trains on arrays without batch_size, so Keras splits them into steps_per_epoch batches (batch_size = ceil(num_samples / steps)), and the code does not show how many samples they hold` };
}
