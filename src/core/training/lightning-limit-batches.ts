// Lightning's `Trainer(limit_train_batches=...)`: "How much of training dataset to check (float = fraction, int =
// num_batches). Default: 1.0" (lightning.ai/docs/pytorch/stable/common/trainer.html#limit-train-batches). An int caps
// each epoch at that many batches; a fraction runs int(batches × fraction) of them (Lightning's data_connector
// `_parse_num_batches`: `int(dataloader_len * limit_batches)`). Accumulation then groups each epoch's batches as
// Lightning does, stepping the last partial group.
import type { Value } from "../interp/values";

/** A figure of the plan as this reads it (its value): kept structural so this file does not import the plan's. */
type Figure = { value: number };

/** The limit a Trainer gives, as read from its argument: a whole count of batches, or a fraction of them. */
export type BatchLimit = { kind: "count"; value: number } | { kind: "fraction"; value: number };

/** The limit an argument value states; 1.0 (every batch, the default) and anything unreadable state none. */
export function batchLimit(v: Value | undefined): BatchLimit | undefined {
  if (v?.kind === "int" && v.value > 0) return { kind: "count", value: v.value };
  if (v?.kind === "float" && v.value > 0 && v.value < 1) return { kind: "fraction", value: v.value };
  return undefined;
}

/** Optimizer steps of an epoch-based Lightning run under a batch limit: epochs × ⌈limited batches / accumulation⌉,
 *  where the limited batches are the count (at most the loader's batches, when those are known) or the fraction of
 *  the loader's batches. Undefined when the figures it needs are unknown. */
export function limitedSteps(
  limit: BatchLimit,
  figures: { epochs?: Figure; samples?: Figure; batch?: Figure; dropLast?: boolean; accumulation?: Figure },
): { value: number; perEpoch: number } | undefined {
  const { epochs, samples, batch } = figures;
  if (!epochs) return undefined;
  const batches = samples && batch ? (figures.dropLast ? Math.floor(samples.value / batch.value) : Math.ceil(samples.value / batch.value)) : undefined;
  let perEpoch: number | undefined;
  if (limit.kind === "count") perEpoch = batches === undefined ? limit.value : Math.min(limit.value, batches);
  else if (batches !== undefined) perEpoch = Math.floor(batches * limit.value);
  if (perEpoch === undefined || perEpoch <= 0) return undefined;
  const every = figures.accumulation?.value ?? 1;
  return { value: epochs.value * Math.ceil(perEpoch / every), perEpoch };
}
