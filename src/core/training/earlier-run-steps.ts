// A notebook trains more than once: an early cell fits a toy problem by hand (`for i in range(10): apply_step(params)`),
// a later one trains the network over its loader for epochs (`for i in range(epochs): train_epoch(model)`, or a call of
// the function holding that loop). Cells run in order, once, so a counted step loop of the module itself that ends
// before the run's epoch loop first runs, and is none of the loops that epoch loop steps through, trains something
// else: its count is not the run's steps. A loop inside a function runs where it is called, so only the module's own
// loops are judged by where they are written.
import type { FunctionDefinition, Position, Statement } from "../python/ast";
import { moduleCallStarts } from "./walked-binding";

/** Whether the module-level step loop at `steps` runs, and ends, before the epoch loop `epochs` (stepping through
 *  `own`) first runs: an earlier cell's training. */
export function stepsOfEarlierRun(steps: Pick<Position, "startIndex" | "endIndex">, epochs: Statement, own: readonly Statement[], body: Statement[]): boolean {
  if (own.length === 0 || own.some((l) => l.pos.startIndex === steps.startIndex)) return false;
  if (!body.some((s) => (s.type === "for" || s.type === "while") && s.pos.startIndex === steps.startIndex)) return false;
  const starts = runStarts(epochs, body);
  return starts.length > 0 && steps.endIndex <= Math.min(...starts);
}

/** Where the module runs a loop: the loop itself at the module's level, else the module's calls of the top-level
 *  function that holds it. */
function runStarts(loop: Statement, body: Statement[]): number[] {
  if (body.includes(loop)) return [loop.pos.startIndex];
  const holder = body.find((s): s is FunctionDefinition => s.type === "function" && s.pos.startIndex <= loop.pos.startIndex && loop.pos.endIndex <= s.pos.endIndex);
  return holder ? moduleCallStarts(holder, body) : [];
}
