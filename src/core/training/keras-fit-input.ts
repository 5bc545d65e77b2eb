// Which of Keras fit's inputs take fit's default batch_size=32. keras.io/api/models/model_training_apis (Model.fit):
// "batch_size: ... Defaults to 32. Do not specify the batch_size if your data is in the form of datasets, generators,
// or keras.utils.Sequence instances (since they generate batches)"; and "y: ... If x is a dataset, generator, or
// keras.utils.Sequence instance, y should not be specified (since targets will be obtained from x)". So a fit given
// targets trains on arrays, batched by batch_size; a fit given x alone trains on arrays only when x is one, and
// otherwise on batches its data makes (a tf.data pipeline's batch(), a generator's, a Sequence's), not on 32.
import type { Value } from "../interp/values";
import { leadingDimension } from "../interp/value-figures";

/** Whether a Keras `fit(x, y, ...)` without batch_size batches by fit's default 32: it is given targets, or an x the
 *  interpreter knows to be an array (a tensor with rows); any other lone x makes its own batches. */
export function takesFitDefaultBatch(hasTargets: boolean, x: Value | undefined): boolean {
  if (hasTargets) return true;
  return leadingDimension(x) !== undefined;
}
