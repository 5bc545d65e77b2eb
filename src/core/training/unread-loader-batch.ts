// A DataLoader given a batch_size whose value the analyzer cannot work out (`batch_size=cfg.TRAIN.BATCH_SIZE` after
// `cfg.merge_from_file(args.config_file)` of a file named only at launch, a value read from an absent file): the
// run's batch is that unknown value. The model input's first dimension is not it, so the batch is named as unknown
// (with --batch N to give it) rather than taken from the input; the step is still costed at the input's batch.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";

/** The batch_size expression a loader is given when its value is unknown (not None: DataLoader(batch_size=None)
 *  turns batching off, pytorch.org/docs/stable/data.html); undefined for a known value or no batch_size. */
export function unreadBatchSize(given: Expression | undefined, value: Value | undefined): Expression | undefined {
  return given && value?.kind === "unknown" ? given : undefined;
}

/** The plan's note for such a loader's batch. */
export function unreadBatchNote(given: Expression, line: number, text: string): { line: number; detail: string } {
  const code = text.slice(given.pos.startIndex, given.pos.endIndex).replace(/\s+/g, " ");
  return { line, detail: `the loader's batch_size=${code} is not known where it is built` };
}
