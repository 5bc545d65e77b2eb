// keras.utils.timeseries_dataset_from_array (keras.io/api/data_loading/timeseries; Keras 3.x
// keras/src/utils/timeseries_dataset_utils.py, tf.keras 2.x the same): a tf.data dataset of sliding windows over an
// array. Its windows start at 0, sequence_stride, ... below num_seqs = end_index - start_index - (sequence_length - 1)
// * sampling_rate (end_index defaults to len(data), start_index to 0), no more than len(targets) where targets are
// given, grouped in batches of batch_size (128 by default; None leaves them unbatched).
import { bindArguments, unknown } from "../interp/construct";
import { lengthOf, leadingDimension } from "../interp/value-figures";
import type { BoundArguments, NativeCall, Value } from "../interp/values";
import { batchedDataset } from "./tf-data";

const SIGNATURE = ["data", "targets", "sequence_length", "sequence_stride=1", "sampling_rate=1", "batch_size=128", "shuffle=False", "seed=None", "start_index=None", "end_index=None"];

const rows = (v: Value | undefined) => leadingDimension(v) ?? lengthOf(v);
const whole = (v: Value | undefined, fallback?: number) => (v === undefined || v.kind === "none" ? fallback : v.kind === "int" ? v.value : undefined);

/** How many windows the call makes, when its arguments say. */
function windowCount(bound: BoundArguments): number | undefined {
  const length = rows(bound.get("data"));
  const sequence = whole(bound.get("sequence_length"));
  const stride = whole(bound.get("sequence_stride"), 1);
  const rate = whole(bound.get("sampling_rate"), 1);
  const start = whole(bound.get("start_index"), 0);
  const end = whole(bound.get("end_index"), length);
  if (sequence === undefined || stride === undefined || rate === undefined || start === undefined || end === undefined || sequence < 1 || stride < 1 || rate < 1) return undefined;
  let seqs = end - start - (sequence - 1) * rate;
  const targets = bound.get("targets");
  if (targets && targets.kind !== "none") {
    const count = rows(targets);
    if (count === undefined) return undefined;
    seqs = Math.min(seqs, count);
  }
  return Math.max(0, Math.ceil(seqs / stride));
}

/** timeseries_dataset_from_array as the interpreter runs it: a batched tf.data dataset of its windows' count. */
export function timeseriesDatasetFromArray({ args, kwargs }: NativeCall): Value {
  const bound = bindArguments(SIGNATURE, args, kwargs, "timeseries_dataset_from_array");
  const batch = bound.get("batch_size");
  if (batch?.kind !== "int" && batch?.kind !== "none" && batch !== undefined) return unknown("timeseries_dataset_from_array: a batch_size the analyzer cannot read");
  const size = batch?.kind === "int" && batch.value > 0 ? batch.value : batch?.kind === "none" ? undefined : 128;
  const stated = kwargs.has("batch_size") || args.length > 5;
  const origin = stated ? `timeseries_dataset_from_array(batch_size=${size ?? "None"})` : "timeseries_dataset_from_array's default batch_size=128 (keras.io/api/data_loading/timeseries)";
  return batchedDataset(windowCount(bound), size, origin);
}
