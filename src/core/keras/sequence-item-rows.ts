// The batch a keras.utils.Sequence (Keras 3's PyDataset) yields is what its `__getitem__` returns: "a complete batch"
// (keras.io/api/utils/python_utils, Sequence and PyDataset), whatever attribute the object keeps. A Sequence built with
// `batch_size=512` whose `__getitem__` returns `np.random.random((10, 10)), y` feeds fit batches of 10 rows; one
// returning `self.x[i * self.batch_size:(i + 1) * self.batch_size]` feeds its batch_size (the first batch is whole).
// A Python generator given to fit is read the same way: "each item it yields is a batch" (Model.fit, x), so
// `while True: yield np.ones([10, 10]), np.ones([10, 1])` feeds batches of 10.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";
import { inputRows } from "../interp/value-figures";

/** The rows of the batch `sequence[index]` returns, the first by default (its inputs' leading dimension, shared by
 *  each input of a list, tuple or dict of inputs); undefined when the interpreter cannot work it out. */
export function sequenceItemRows(sequence: Expression, evaluate: (e: Expression) => Value | undefined, index = 0): number | undefined {
  const item: Expression = { type: "subscript", object: sequence, index: { type: "int", value: index, pos: sequence.pos }, pos: sequence.pos };
  return batchRows(evaluate(item));
}

/** The samples an epoch of a Sequence yields: len() - 1 batches of `size` and the rows of its last batch, which may be
 *  short (an epoch walks items 0 to len() - 1); len() × size where the last batch's rows are not known. */
export function sequenceEpochSamples(sequence: Expression, evaluate: (e: Expression) => Value | undefined, length: number, size: number): { value: number; lastRows?: number } {
  const last = length > 1 ? sequenceItemRows(sequence, evaluate, length - 1) : undefined;
  return last !== undefined && last > 0 && last <= size ? { value: (length - 1) * size + last, lastRows: last } : { value: length * size };
}

/** The rows of the first batch a generator yields, where the interpreter ran it to an item (its value is the iterator
 *  of the items it yielded); undefined otherwise. */
export function generatorItemRows(generated: Value | undefined): number | undefined {
  return generated?.kind === "iterator" && generated.items.length > generated.index ? batchRows(generated.items[generated.index]) : undefined;
}

/** A batch's rows: `x, y` (or `x, y, sample_weights`) has its inputs first; a bare batch is its own inputs. */
function batchRows(item: Value | undefined): number | undefined {
  const inputs = item?.kind === "tuple" && item.items.length >= 2 && item.items.length <= 3 ? item.items[0] : item;
  return inputRows(inputs);
}
