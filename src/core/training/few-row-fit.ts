// Keras fit on arrays cuts them into batches of batch_size (32 by default) and keeps a short last batch
// (TensorFlow 2.x keras/engine/data_adapter.py TensorLikeDataAdapter: `num_full_batches = num_samples // batch_size`
// plus the partial batch; Keras 3 trainers/data_adapters/array_data_adapter.py likewise). So arrays of fewer rows than
// the batch train as one batch of all their rows: an agent's `fit(state, target)` on one transition steps on 1 row.
import type { Value } from "../interp/values";
import { leadingDimension } from "../interp/value-figures";

/** The batch a Keras fit without batch_size trains on when its x and y (the known ones, agreeing) have fewer rows than
 *  fit's default batch; undefined when neither's rows are known, they disagree, or they fill a default batch. */
export function fewRowFitBatch(x: Value | undefined, y: Value | undefined, defaultBatch: number): number | undefined {
  const rows = [leadingDimension(x), leadingDimension(y)].filter((r): r is number => r !== undefined);
  if (rows.length === 0 || rows.some((r) => r !== rows[0])) return undefined;
  return rows[0] > 0 && rows[0] < defaultBatch ? rows[0] : undefined;
}
