// Full-batch step loops named for anything but epochs (`for t in range(500): y_pred = model(X); loss.backward();
// optimizer.step()`): each pass feeds the model all of the data, so each pass is one epoch, as full-batch gradient
// descent counts them. full-batch-epochs.ts reads the data; this turns the loop's passes into the run's epochs.

/** The epochs of a full-batch step loop: its passes, where each pass takes exactly one optimizer step on all of
 *  `data` (no step every N passes, no gate that skips passes); undefined otherwise. */
export function fullBatchPassEpochs<F extends { value: number; detail: string }>(steps: F, passes: { value: number }, stepEvery: number | undefined, data: string): F | undefined {
  if (stepEvery !== undefined && stepEvery > 1) return undefined;
  // A gate that skips passes (learning that starts late, a cyclic update) leaves fewer steps than passes.
  if (passes.value <= 0 || steps.value % passes.value !== 0) return undefined;
  return { ...steps, detail: `${steps.detail}: each pass trains on all of ${data}, one epoch a pass` };
}
