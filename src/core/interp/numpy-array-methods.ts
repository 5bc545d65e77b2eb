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
