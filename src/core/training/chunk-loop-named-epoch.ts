import type { Expression, Statement } from "../python/ast";
import { indexSlicedRows } from "./index-sliced-pass";

// A loop named for epochs that walks the data in chunks (`for epoch in range(len(X) // B): X[epoch * B:(epoch + 1) * B]`)
// is a pass over the data, one batch a turn, whatever its variable is called: its count is the batches of a pass,
// not the epochs, and the loops that call it in turn are the epochs.

/** True when a loop whose variable is named like an epoch, holding no step loop of its own, turns N / B times and
 *  slices chunks of B from its index: a batch loop. */
export function chunkLoopNamedEpoch(loop: Extract<Statement, { type: "for" }>, variable: string, holdsStepLoop: boolean, bindingOf: (name: string) => Expression | undefined): boolean {
  return /epoch/i.test(variable) && !holdsStepLoop && indexSlicedRows(loop, bindingOf) !== undefined;
}
