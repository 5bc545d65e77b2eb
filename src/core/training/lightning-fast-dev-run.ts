// Lightning's `Trainer(fast_dev_run=...)`: "Runs n if set to n (int) else 1 if set to True batch(es) of train, val
// and test to find any bugs" (lightning.ai/docs/pytorch/stable/common/trainer.html#fast-dev-run). Lightning 2.x's
// `_init_debugging_flags` then sets limit_train_batches to n, the fit loop's max_steps to n and max_epochs to 1,
// whatever max_epochs, max_steps and limit_train_batches said: the run is one epoch of n batches, its optimizer
// steps those batches grouped by accumulate_grad_batches (the last partial group steps at the epoch's end).
import type { Value } from "../interp/values";

/** The batches a fast_dev_run value runs: 1 for True, n for a positive int; undefined for False, 0 or unknown. */
export function fastDevRunBatches(v: Value | undefined): number | undefined {
  if (v?.kind === "bool") return v.value ? 1 : undefined;
  return v?.kind === "int" && v.value > 0 ? v.value : undefined;
}

/** The optimizer steps of a fast_dev_run of `batches` batches at an accumulation (1 when none is given). */
export function fastDevRunSteps(batches: number, accumulation: number | undefined): number {
  return Math.ceil(batches / Math.max(1, accumulation ?? 1));
}

/** The note for a fast_dev_run Trainer built beside one that trains in full (no fast_dev_run, run by default): the
 *  dev run is a smoke test of a few batches ahead of the run, which the full Trainer's epochs and steps describe. */
export function besideFullTrainer(devRun: { batches: number; line: number; detail: string }, fullLine: number): string {
  return `${devRun.detail} (line ${devRun.line}) runs ${devRun.batches} training batch${devRun.batches === 1 ? "" : "es"} as a check; the Trainer without it (line ${fullLine}) trains in full, and its epochs are the run's`;
}
