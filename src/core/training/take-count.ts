// tf.data's `dataset.repeat().take(N)`: `repeat()` with no count repeats the data without end and `take(N)` keeps its
// first N elements (tensorflow.org/api_docs/python/tf/data/Dataset#repeat, #take), so a loop over it runs N times
// whatever the data's size: `for step, (x, y) in enumerate(train_ds.repeat().take(2000)):` is 2,000 training steps.
import type { Expression } from "../python/ast";
import { positionalArgument, keywordArgument } from "../python/syntax-walk";

/** The count expression N of `<data>.repeat().take(N)` (a repeat without a count somewhere before the take). */
export function endlessTake(iter: Expression): Expression | undefined {
  if (iter.type !== "call" || iter.func.type !== "attribute" || iter.func.name !== "take") return undefined;
  const count = positionalArgument(iter, 0) ?? keywordArgument(iter, "count");
  if (!count) return undefined;
  for (let e: Expression = iter.func.object; e.type === "call" && e.func.type === "attribute"; e = e.func.object) {
    if (e.func.name !== "repeat") continue;
    const times = positionalArgument(e, 0) ?? keywordArgument(e, "count");
    return !times || (times.type === "constant" && times.value === "None") || (times.type === "unary" && times.op === "-" && times.operand.type === "int" && times.operand.value === 1) ? count : undefined;
  }
  return undefined;
}
