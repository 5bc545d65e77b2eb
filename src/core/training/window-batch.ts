// tf.data's `flat_map(lambda window: window.batch(size + 1))` after `window(size + 1, shift=1)` turns each window into
// one tensor (tensorflow.org/api_docs/python/tf/data/Dataset#window, "flat_map ... batch"): that batch() makes an
// element of the pipeline, a sequence of time steps, not the batch a training step takes, which a later
// `dataset.batch(batch_size)` sets.
import type { Position, Statement } from "../python/ast";
import { forEachExpression, forEachStatement, ownExpressions, type CallExpression } from "../python/syntax-walk";

/** The Dataset methods whose function argument maps each element to a dataset of its own. */
const PER_ELEMENT_DATASETS = new Set(["flat_map", "interleave"]);

/** Whether `call` (`w.batch(n)`) batches the parameter of a lambda handed to `flat_map`/`interleave` in `body`. */
export function batchesEachWindow(call: CallExpression, body: Statement[]): boolean {
  if (call.func.type !== "attribute" || call.func.object.type !== "name") return false;
  const receiver = call.func.object.id;
  let found = false;
  const inside = (e: { pos: Position }) => e.pos.startIndex <= call.pos.startIndex && call.pos.endIndex <= e.pos.endIndex;
  forEachStatement(body, ({ statement }) => {
    if (found || !inside(statement)) return;
    for (const root of ownExpressions(statement)) {
      forEachExpression(root, (e) => {
        if (found || e.type !== "call" || e.func.type !== "attribute" || !PER_ELEMENT_DATASETS.has(e.func.name) || !inside(e)) return;
        found = e.args.some((a) => a.value.type === "lambda" && inside(a.value) && a.value.params.some((p) => p.name === receiver));
      });
    }
  }, [], () => true);
  return found;
}
