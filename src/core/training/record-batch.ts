// A step loop over records the code writes out (`for words, tags in training_data:`, a tagger's sentences) takes one
// record a step (the record-list samples rule of training-plan.ts): where no part of a record is an array or tensor,
// each record is one sample, so a step's batch is that one sample. Records holding arrays may be batches a script
// cut itself, whose rows the loop does not show.
import type { Value } from "../interp/values";

/** Whether the records a step loop walks are single samples: no part of any record is a tensor or array. */
export function recordsAreSamples(records: readonly Value[]): boolean {
  return records.every((r) => (r.kind === "tuple" || r.kind === "list") && r.items.every((part) => part.kind !== "tensor"));
}
