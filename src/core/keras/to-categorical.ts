// keras.utils.to_categorical(x, num_classes=None) as shapes (Keras 2.x keras/utils/np_utils.py and Keras 3
// keras/src/utils/numerical_utils.py): a trailing axis of size 1 is dropped, then one axis of num_classes is added,
// num_classes being max(x) + 1 when not given. The rows are the input's, so a fit on one-hot labels, or on one-hot
// samples (`sample = to_categorical(sample)` of a small literal), is sized from them. A class count the analyzer
// cannot know (labels loaded from a file, no num_classes) leaves the result unknown, as it was.
import { bindArguments, unknown } from "../interp/construct";
import { numbersOf, numpyArray } from "../interp/numpy-arrays";
import { literalShape } from "../torch/ops/creation";
import type { NativeCall, Value } from "../interp/values";

/** `to_categorical(x, num_classes=None, dtype="float32")`: a float32 array of x's shape (less a trailing 1) plus one
 *  axis of the class count; unknown where x's shape or the class count is not known. */
export function toCategorical(call: NativeCall): Value {
  const a = bindArguments(["x", "num_classes=None", "dtype='float32'"], call.args, call.kwargs, "to_categorical");
  const x = a.get("x");
  if (x.kind !== "tensor" && x.kind !== "list" && x.kind !== "tuple" && x.kind !== "range") return unknown("to_categorical of data the analyzer cannot see");
  let shape: number[];
  try {
    shape = [...literalShape(x).shape];
  } catch {
    return unknown("to_categorical of data whose shape the analyzer cannot read");
  }
  if (shape.length > 1 && shape[shape.length - 1] === 1) shape.pop();
  const given = a.get("num_classes");
  const values = given.kind === "int" ? undefined : numbersOf(x);
  const classes = given.kind === "int" ? given.value : values && values.length > 0 && values.every((v) => Number.isInteger(v) && v >= 0) ? Math.max(...values) + 1 : undefined;
  if (classes === undefined || classes <= 0) return unknown("to_categorical without num_classes over labels the analyzer cannot see");
  const out = numpyArray([...shape, classes], "float32");
  return x.kind === "tensor" && x.rowsUnknown ? { ...out, rowsUnknown: x.rowsUnknown } : out;
}
