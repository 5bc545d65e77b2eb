// Keras' `model.train_on_batch(x, y)` "runs a single gradient update on a single batch of data" (keras.io/api/models/
// model_training_apis, Model.train_on_batch; tf.keras 2.x and Keras 3 alike): the batch is all of `x`, whatever its
// rows, with no split into batches of 32 as fit makes. A loop that passes the same array each pass trains full-batch.
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** The model and the input array of a `model.train_on_batch(x, ...)` call on a named model, or undefined. */
export function kerasTrainOnBatch(call: CallExpression): { model: Expression; input: Expression } | undefined {
  if (call.func.type !== "attribute" || call.func.name !== "train_on_batch" || call.func.object.type !== "name") return undefined;
  const input = positionalArgument(call, 0) ?? keywordArgument(call, "x");
  return input ? { model: call.func.object, input } : undefined;
}
