// A batching call whose result is pulled from once (`gen.flow(x, y, batch_size=n).next()[0]`, `next(iter(ds.batch(n)))`)
// yields one batch, there and then: Keras' NumpyArrayIterator.next() returns "the next batch" (keras_preprocessing
// image/iterator.py, Keras 2.x) and Python's next() one item of an iterator. Scripts draw augmented arrays that way and
// fit on the arrays, so that call's batch_size is the size of an array the code builds, not the batch the run trains on.
import type { Statement } from "../python/ast";
import { callsAnywhere, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** The calls of a body whose result is drawn from once: the receiver of a `.next()` with no arguments, or the
 *  argument of builtin `next(...)` (also through `iter(...)`). */
export function drawnOnceCalls(body: Statement[]): Set<CallExpression> {
  const drawn = new Set<CallExpression>();
  for (const call of callsAnywhere(body)) {
    if (call.func.type === "attribute" && call.func.name === "next" && call.args.length === 0 && call.func.object.type === "call") drawn.add(call.func.object);
    let pulled = call.func.type === "name" && call.func.id === "next" ? positionalArgument(call, 0) : undefined;
    if (pulled?.type === "call" && pulled.func.type === "name" && pulled.func.id === "iter") pulled = positionalArgument(pulled, 0);
    if (pulled?.type === "call") drawn.add(pulled);
  }
  return drawn;
}
