// The batch a keras.utils.Sequence (Keras 3's PyDataset) yields is what its `__getitem__` returns: "a complete batch"
// (keras.io/api/utils/python_utils, Sequence and PyDataset), whatever attribute the object keeps. A Sequence built with
// `batch_size=512` whose `__getitem__` returns `np.random.random((10, 10)), y` feeds fit batches of 10 rows; one
// returning `self.x[i * self.batch_size:(i + 1) * self.batch_size]` feeds its batch_size (the first batch is whole).
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";
import { inputRows } from "../interp/value-figures";

/** The rows of the first batch `sequence[0]` returns (its inputs' leading dimension, shared by each input of a list,
 *  tuple or dict of inputs); undefined when the interpreter cannot work it out. */
export function sequenceItemRows(sequence: Expression, evaluate: (e: Expression) => Value | undefined): number | undefined {
  const first: Expression = { type: "subscript", object: sequence, index: { type: "int", value: 0, pos: sequence.pos }, pos: sequence.pos } as Expression;
  const item = evaluate(first);
  // `return x, y` (or `x, y, sample_weights`): the inputs come first; a bare batch is its own inputs.
  const inputs = item?.kind === "tuple" && item.items.length >= 2 && item.items.length <= 3 ? item.items[0] : item;
  return inputRows(inputs);
}
