// Keras' `model.train_on_batch(x, y)` runs "a single gradient update on a single batch of data": all of `x` is that
// batch (keras.io/api/models/model_training_apis/#trainonbatch-method, Keras 2.x and 3.x). A step loop that builds its
// arrays each pass (`x, y = generate_real_samples(half_batch)`, `x = np.vstack((x_real, x_fake))`) and hands them to
// train_on_batch takes x's rows a step, whatever the helpers that drew them are named.
import type { Expression, Statement } from "../python/ast";
import { callsInBody, keywordArgument, positionalArgument } from "../python/syntax-walk";

/** A `train_on_batch` input of a loop's body, with the statements of the pass that run before the one calling it. */
export interface TrainOnBatchInput {
  input: Expression;
  /** The loop body's statements before the call's, in order: what binds the input's names on that pass. */
  before: Statement[];
  line: number;
}

/** Keras' method name, tested on the loop's text before its statements are walked. */
export const TRAIN_ON_BATCH = /\.train_on_batch\s*\(/;

/** The inputs of the `train_on_batch(x, ...)` calls a loop body makes, in source order. */
export function trainOnBatchInputs(body: Statement[]): TrainOnBatchInput[] {
  const found: TrainOnBatchInput[] = [];
  body.forEach((s, i) => {
    for (const call of callsInBody([s])) {
      if (call.func.type !== "attribute" || call.func.name !== "train_on_batch") continue;
      const input = positionalArgument(call, 0) ?? keywordArgument(call, "x");
      if (input) found.push({ input, before: body.slice(0, i), line: call.pos.line });
    }
  });
  return found;
}
