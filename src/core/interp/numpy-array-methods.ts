// numpy.ndarray methods whose torch namesakes differ: an array is a tensor value here (numpy-arrays.ts), and a method
// looked up on it must follow numpy, not torch.
// - repeat (numpy.org/doc/stable/reference/generated/numpy.repeat.html, numpy 2.x): `np.repeat(a, repeats, axis=None)`
//   and `a.repeat(repeats, axis=None)` repeat each element `repeats` times along `axis`, or over the flattened array
//   when no axis is given; `repeats` may also give one count per element along the axis. torch's Tensor.repeat tiles
//   instead (its arguments are sizes), so a (N, 1, H, W) array's `.repeat(3, axis=1)` is (N, 3, H, W), as scripts
//   turn a grey image into three channels.
// - transpose (numpy.org/doc/stable/reference/generated/numpy.ndarray.transpose.html): `a.transpose(axes)` with a
//   tuple or list of axes, or `a.transpose(0, 2, 3, 1)` with them spread, permutes them, and no axes reverses them;
//   torch's Tensor.transpose swaps two dims.
// - dot (numpy.org/doc/stable/reference/generated/numpy.dot.html): `np.dot(a, b)` and `a.dot(b)` are matrix
//   products for 2-D arrays, and for N-D ones sum over a's last axis and b's second-to-last: the result has shape
//   a.shape[:-1] + b.shape[:-2] + b.shape[-1:]; torch.dot takes two 1-D tensors only. `y = x.dot(w)` keeps x's rows.
import { bindArguments, toInt, unknown } from "./construct";
import { numpyArray } from "./numpy-arrays";
import { normalizeDim } from "../torch/shapes";
import type { NativeCall, TensorValue, Value } from "./values";

type Fn = (name: string, call: (c: NativeCall) => Value) => Value;

/** The shape numpy.repeat gives an array of `shape`: the axis (or the flattened array) grown by the repeats; undefined
 *  when the repeats are not known counts. */
function repeatedShape(shape: number[], repeats: Value, axis: Value): number[] | undefined {
  const along = axis.kind === "none" ? [shape.reduce((a, b) => a * b, 1)] : shape;
  const at = axis.kind === "none" ? 0 : normalizeDim(toInt(axis, "numpy.repeat(axis)"), shape.length, "axis");
  const size = along[at];
  let grown: number | undefined;
  if (repeats.kind === "int" || repeats.kind === "bool") grown = size * toInt(repeats);
  else if ((repeats.kind === "list" || repeats.kind === "tuple") && repeats.items.every((r) => r.kind === "int")) {
    const counts = repeats.items.map((r) => toInt(r));
    // One count for all, or one per element along the axis (numpy broadcasts a single count).
    if (counts.length === 1) grown = size * counts[0];
    else if (counts.length === size) grown = counts.reduce((a, b) => a + b, 0);
  }
  return grown === undefined ? undefined : along.map((d, i) => (i === at ? grown! : d));
}

/** `a.repeat(repeats, axis=None)` of a numpy array (its shape; the contents are not kept). */
export function numpyArrayRepeat(self: TensorValue, call: NativeCall): Value {
  const bound = bindArguments(["repeats", "axis=None"], call.args, call.kwargs, "numpy.ndarray.repeat");
  const shape = repeatedShape(self.shape, bound.get("repeats"), bound.get("axis"));
  return shape ? numpyArray(shape, self.dtype) : unknown("numpy.repeat with repeats that are not known counts");
}

/** numpy.repeat(a, repeats, axis=None) on an array. */
export function numpyRepeatFunctions(fn: Fn): Record<string, Value> {
  return {
    repeat: fn("numpy.repeat", (call) => {
      const bound = bindArguments(["a", "repeats", "axis=None"], call.args, call.kwargs, "numpy.repeat");
      const a = bound.get("a");
      if (a.kind !== "tensor") return unknown(`numpy.repeat of a ${a.kind} is not modelled`);
      const shape = repeatedShape(a.shape, bound.get("repeats"), bound.get("axis"));
      return shape ? numpyArray(shape, a.dtype) : unknown("numpy.repeat with repeats that are not known counts");
    }),
  };
}

/** `a.transpose(*axes)` of a numpy array: the axes given as one sequence or spread, or reversed when none are. */
export function numpyArrayTranspose(self: TensorValue, call: NativeCall): Value {
  const rank = self.shape.length;
  const given = call.args.length === 1 && (call.args[0].kind === "list" || call.args[0].kind === "tuple") ? call.args[0].items : call.args.length === 1 && call.args[0].kind === "none" ? [] : call.args;
  const axes = given.length === 0 ? Array.from({ length: rank }, (_, i) => rank - 1 - i) : given.map((a) => normalizeDim(toInt(a, "numpy.ndarray.transpose(axes)"), rank, "axis"));
  if (axes.length !== rank || new Set(axes).size !== rank) return unknown("numpy.ndarray.transpose: axes don't match array");
  return numpyArray(axes.map((d) => self.shape[d]), self.dtype);
}

/** The shape numpy.dot gives arrays of shapes `a` and `b`; undefined where the summed axes differ or one is a scalar. */
function dotShape(a: number[], b: number[]): number[] | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  const summed = a[a.length - 1];
  const against = b.length === 1 ? b[0] : b[b.length - 2];
  if (summed !== against) return undefined;
  return [...a.slice(0, -1), ...b.slice(0, -2), ...(b.length === 1 ? [] : [b[b.length - 1]])];
}

/** numpy.dot of two values: an array of the product's shape, or unknown where a shape is not known. */
function numpyDot(a: Value, b: Value): Value {
  if (a.kind !== "tensor" || b.kind !== "tensor") return unknown("numpy.dot of values that are not arrays of known shape");
  const shape = dotShape(a.shape, b.shape);
  // A 0-d result (two 1-D arrays) is a number whose value is not kept.
  if (!shape || shape.length === 0) return unknown("numpy.dot: the arrays' shapes do not give an array");
  return numpyArray(shape, a.dtype);
}

/** `a.dot(b)` of a numpy array. */
export function numpyArrayDot(self: TensorValue, call: NativeCall): Value {
  return numpyDot(self, bindArguments(["b", "out=None"], call.args, call.kwargs, "numpy.ndarray.dot").get("b"));
}

/** numpy.dot(a, b). */
export function numpyDotFunctions(fn: Fn): Record<string, Value> {
  return {
    dot: fn("numpy.dot", (call) => {
      const bound = bindArguments(["a", "b", "out=None"], call.args, call.kwargs, "numpy.dot");
      return numpyDot(bound.get("a"), bound.get("b"));
    }),
  };
}
