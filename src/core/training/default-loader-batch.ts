// torch's DataLoader built with no batch_size, batch_sampler or **kwargs yields batches of 1
// (pytorch.org/docs/stable/data.html: "batch_size (int, optional) – how many samples per batch to load (default: 1)").
// Where the training loop walks that loader, 1 is the run's batch whatever batch-size option or constant the script
// also declares: `--batch-size default=4` that no loader is given (SRCNN's `DataLoader(trainset, shuffle=True)`) sizes
// nothing. A loader the loop does not walk keeps the default below every figure the code states, as before: it may not
// be the run's. A dataset that yields whole batches itself (an IterableDataset) makes the loader's 1 a batch of them,
// so a file that names IterableDataset keeps the stated figure.
/** Rank of a loader's batch figure among the plan's batch candidates: a stated one 45, torch's default 1 above option
 *  and constant figures (20) when a step loop walks the loader, else 2. */
export function loaderBatchRank(batch: { source: string }, walkedByStepLoop: boolean, text: string): number {
  if (batch.source !== "default") return 45;
  return walkedByStepLoop && !/\bIterableDataset\b/.test(text) ? 25 : 2;
}
