// A notebook trains more than once: an early cell fits a toy problem by hand (`for i in range(10): apply_step(params)`),
// a later one trains the network over its loader for epochs (`for i in range(epochs): train_epoch(model)`). Cells run
// in order, once, so a counted step loop that ends before the run's epoch loop begins, and is none of the loops that
// epoch loop steps through, trains something else: its count is not the run's steps.
import type { Position, Statement } from "../python/ast";

/** Whether the step loop at `steps` is an earlier, separate run than the epoch loop `epochs` stepping through `own`. */
export function stepsOfEarlierRun(steps: Pick<Position, "startIndex" | "endIndex">, epochs: Statement, own: readonly Statement[]): boolean {
  return own.length > 0 && steps.endIndex <= epochs.pos.startIndex && !own.some((l) => l.pos.startIndex === steps.startIndex);
}
