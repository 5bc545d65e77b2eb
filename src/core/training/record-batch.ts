// A step loop over records the code writes out (`for words, tags in training_data:`, a tagger's sentences) takes one
// record a step (the record-list samples rule of training-plan.ts): where no part of a record is an array or tensor,
// each record is one sample, so a step's batch is that one sample. Records holding arrays may be batches a script
// cut itself, whose rows the loop does not show.
import type { Value } from "../interp/values";

/** Parts a single sample's record holds: words, labels, numbers, and lists of them (a sentence's tokens); never an
 *  array, nor a part the analyzer does not know, which may be one. */
const SAMPLE_PART = new Set(["str", "int", "float", "bool", "list", "tuple"]);

/** Whether the records a step loop walks are single samples: every part of every record is a known non-array. */
export function recordsAreSamples(records: readonly Value[]): boolean {
  return records.every((r) => (r.kind === "tuple" || r.kind === "list") && r.items.every((part) => SAMPLE_PART.has(part.kind) && (part.kind !== "list" && part.kind !== "tuple" || part.items.every((x) => x.kind !== "tensor"))));
}
