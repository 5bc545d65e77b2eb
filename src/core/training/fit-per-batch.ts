// A Keras fit inside a loop over batches that trains on the loop's own items (`for e in range(nb_epoch): for X, Y in
// loader(batch_size): model.fit(X, Y, epochs=1)`): each fit call is one batch of a pass, so that loop is a pass over
// the data, not turns of the run, and the array the fit is given holds a batch's rows, not the run's samples
// (keras.io/api/models/model_training_apis: fit trains on the arrays it is given).
import type { Expression, Statement } from "../python/ast";
import { targetNames } from "../python/syntax-walk";

/** The `for` loop around `call` (of the same function) whose target binds the fit's array `x`, if any. */
export function batchLoopOfFit<L extends { loop: Extract<Statement, { type: "for" }>; context: { fn?: unknown } }>(call: Expression, x: Expression | undefined, fn: unknown, loops: readonly L[]): L | undefined {
  if (x?.type !== "name") return undefined;
  const holds = (l: Statement) => l.pos.startIndex < call.pos.startIndex && call.pos.endIndex <= l.pos.endIndex;
  return loops.find((l) => l.context.fn === fn && holds(l.loop) && targetNames(l.loop.target).includes(x.id));
}
