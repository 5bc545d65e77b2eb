// A Hugging Face dataset handed to Keras as tf.data: `ds.to_tf_dataset(columns=..., batch_size=8, shuffle=True)`
// (huggingface.co/docs/datasets/package_reference/main_classes#datasets.Dataset.to_tf_dataset) yields the dataset's
// rows in batches of batch_size, the last partial batch dropped with drop_remainder=True (default False). Without
// batch_size the rows come unbatched (datasets 2.x and later default None), so no batch is read then; the keyword is
// read alone, as older releases took other arguments first.
import type { Value } from "../interp/values";
import { keywordArgument, type CallExpression } from "../python/syntax-walk";
import type { Expression } from "../python/ast";

/** The batch a `to_tf_dataset(batch_size=B)` call gives the tf.data dataset it returns, with its drop_remainder. */
export function toTfDatasetBatch(call: CallExpression, evaluate: (e: Expression) => Value | undefined): { batch: number; dropRemainder: boolean } | undefined {
  if (call.func.type !== "attribute" || call.func.name !== "to_tf_dataset") return undefined;
  const given = keywordArgument(call, "batch_size");
  const batch = given ? evaluate(given) : undefined;
  if (batch?.kind !== "int" || batch.value <= 0) return undefined;
  const dropped = keywordArgument(call, "drop_remainder");
  const drop = dropped ? evaluate(dropped) : undefined;
  return { batch: batch.value, dropRemainder: drop?.kind === "bool" && drop.value };
}
