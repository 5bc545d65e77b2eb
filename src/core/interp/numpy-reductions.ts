// numpy's reductions (numpy.org/doc/stable/reference/routines.statistics.html; numpy.sum of known numbers lives in
// numpy-arrays.ts): with no axis, `np.mean(a)`, `np.std(a)`, `np.max(a)` reduce the whole array to one number; with
// `axis=k` they drop that dimension (kept as 1 with keepdims=True). Training code normalises its data with them
// (`(X - np.mean(X)) / np.std(X)`), and the normalised array keeps the rows a loader counts as samples.
import { float, int, tensor, unknown } from "./construct";
import { valuesOf } from "../torch/known-values";
import { numpyScalar } from "./numpy-arrays";
import type { NativeCall, TensorValue, Value } from "./values";

type Fn = (name: string, call: (c: NativeCall) => Value) => Value;

/** Each reduction, with how it folds known numbers (undefined: the result is a number of unknown value). */
const REDUCTIONS: Record<string, ((xs: number[]) => number) | undefined> = {
  mean: (xs) => xs.reduce((a, b) => a + b, 0) / xs.length,
  max: (xs) => Math.max(...xs),
  min: (xs) => Math.min(...xs),
  amax: (xs) => Math.max(...xs),
  amin: (xs) => Math.min(...xs),
  std: undefined,
  var: undefined,
  median: undefined,
};

/** The shape a reduction leaves: no axis, every dimension; `axis=k` (or a tuple of them), those. */
function reducedShape(shape: number[], axis: Value | undefined, keepdims: boolean): number[] | undefined {
  const rank = shape.length;
  const axes = axis === undefined || axis.kind === "none" ? shape.map((_, i) => i)
    : axis.kind === "int" ? [axis.value]
    : axis.kind === "tuple" && axis.items.every((x) => x.kind === "int") ? axis.items.map((x) => (x as { value: number }).value)
    : undefined;
  if (!axes) return undefined;
  const dropped = new Set(axes.map((a) => (a < 0 ? a + rank : a)));
  if ([...dropped].some((a) => a < 0 || a >= rank)) return undefined;
  return keepdims ? shape.map((d, i) => (dropped.has(i) ? 1 : d)) : shape.filter((_, i) => !dropped.has(i));
}

/** numpy.mean, std, var, max, min, amax, amin and median on arrays: an array of the reduced shape (0-d with no
 *  axis), or the number itself where the input's values are known and the fold is modelled. */
export function numpyReductionFunctions(fn: Fn): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [name, fold] of Object.entries(REDUCTIONS)) {
    out[name] = fn(`numpy.${name}`, ({ args, kwargs }) => {
      const a = args[0] ?? kwargs.get("a");
      const axis = kwargs.get("axis") ?? args[1];
      const keepdims = kwargs.get("keepdims");
      if (a?.kind === "list" || a?.kind === "tuple") {
        const xs = a.items.map((x) => (x.kind === "int" || x.kind === "float" ? x.value : NaN));
        if (!fold || xs.length === 0 || xs.some((x) => Number.isNaN(x)) || (axis !== undefined && axis.kind !== "none")) return unknown(`numpy.${name} of values the analyzer does not know`);
        // numpy.int64 for extremes of ints, which behaves as an int; a mean is a float.
        return name !== "mean" && a.items.every((x) => x.kind === "int") ? int(fold(xs)) : float(fold(xs));
      }
      if (a?.kind !== "tensor") return unknown(`numpy.${name} of a ${a?.kind ?? "missing"} argument is not modelled`);
      const shape = reducedShape(a.shape, axis, keepdims?.kind === "bool" && keepdims.value);
      if (!shape) return unknown(`numpy.${name} over an axis the analyzer does not know`);
      const dtype = name === "mean" || name === "std" || name === "var" || name === "median" ? (a.dtype.startsWith("float") ? a.dtype : "float64") : a.dtype;
      const result: TensorValue = { ...tensor(shape, dtype), numpy: true };
      const known = valuesOf(a);
      // A whole-array reduction is a numpy scalar, which Python code uses as a number where its value is known.
      return fold && known && known.length > 0 && shape.length === 0 ? numpyScalar(dtype, fold(known)) : result;
    });
  }
  return out;
}

/** `a.max(axis=0)`, `a.mean(axis=1, keepdims=True)` and their kin as methods of a numpy array: numpy's reduction over
 *  `axis` (torch's namesakes take `dim`, and read `axis` as nothing). */
export function numpyArrayReduction(name: string, self: TensorValue, call: NativeCall): Value {
  const keepdims = call.kwargs.get("keepdims");
  const shape = reducedShape(self.shape, call.kwargs.get("axis") ?? call.args[0], keepdims?.kind === "bool" && keepdims.value);
  if (!shape) return unknown(`numpy.ndarray.${name} over an axis the analyzer does not know`);
  const dtype = name === "mean" || name === "std" || name === "var" ? (self.dtype.startsWith("float") ? self.dtype : "float64") : self.dtype;
  // A whole-array reduction of known numbers is a numpy scalar of that value, as numpy.mean(a) is.
  const fold = REDUCTIONS[name];
  const known = shape.length === 0 && fold ? valuesOf(self) : undefined;
  return fold && known && known.length > 0 ? numpyScalar(dtype, fold(known)) : { ...tensor(shape, dtype), numpy: true };
}
