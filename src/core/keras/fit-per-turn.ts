// A Keras fit run once per item of a loop whose variable is its batch_size or validation_split (`for b in [8, 32,
// 128]: model.fit(x, y, batch_size=b, epochs=E)`): each turn walks ⌈kept / batch⌉ batches an epoch, with its own
// batch or its own held-out share (kept = int(rows × (1 − validation_split)), keras' train_validation_split), so the
// run's steps are the sum over the items, not the turns times the last item's (keras.io/api/models/model_training_apis).
import type { Value } from "../interp/values";

/** What each turn of the loop sets: fit's batch size, or the fraction of the rows it holds out. */
export type TurnRole = "batch" | "split";

/** The run's optimizer steps over the loop's items, or undefined where an item is not a number of its kind. */
export function perTurnFitSteps(items: readonly Value[], role: TurnRole, rows: number, epochs: number, batch: number, split: number): number | undefined {
  let steps = 0;
  for (const item of items) {
    const b = role === "batch" ? (item.kind === "int" && item.value > 0 ? item.value : undefined) : batch;
    const s = role === "split" ? (item.kind === "float" && item.value >= 0 && item.value < 1 ? item.value : undefined) : split;
    if (b === undefined || s === undefined) return undefined;
    const kept = Math.floor(rows * (1 - s));
    if (kept <= 0) return undefined;
    steps += epochs * Math.ceil(kept / b);
  }
  return steps;
}
