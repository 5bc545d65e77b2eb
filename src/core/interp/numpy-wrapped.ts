// numpy's shape functions that call the array's own method (numpy/_core/fromnumeric.py's `_wrapfunc(a, "swapaxes",
// ...)`): `np.swapaxes(t, 1, 2)` on a torch tensor runs `t.swapaxes(1, 2)` and gives a tensor back, as scripts that mix
// the two libraries rely on. Each is run as the tensor method with numpy's argument names mapped to torch's
// (numpy.org/doc/stable/reference/routines.array-manipulation.html).
import { bindArguments, int, tuple, unknown } from "./construct";
import { reshapedUnknown } from "./unknown-reshape";
import { TENSOR_METHODS } from "../torch/tensor-methods";
import type { NativeCall, Value } from "./values";

type Fn = (name: string, call: (c: NativeCall) => Value) => Value;

/** numpy's signature of each function, and the tensor method and arguments it comes down to. */
const WRAPPED: Record<string, { signature: string[]; method: string; args: (get: (name: string) => Value, rank: number) => Value[] }> = {
  swapaxes: { signature: ["a", "axis1", "axis2"], method: "swapaxes", args: (get) => [get("axis1"), get("axis2")] },
  moveaxis: { signature: ["a", "source", "destination"], method: "movedim", args: (get) => [get("source"), get("destination")] },
  // numpy 2.1 renamed `newshape` to `shape`; either is accepted.
  reshape: { signature: ["a", "shape=None", "order='C'", "newshape=None"], method: "reshape", args: (get) => [get("shape").kind === "none" ? get("newshape") : get("shape")] },
  // No axes reverses them (numpy.transpose), which is torch's permute of the reversed dims.
  transpose: { signature: ["a", "axes=None"], method: "permute", args: (get, rank) => [get("axes").kind === "none" ? tuple(Array.from({ length: rank }, (_, i) => int(rank - 1 - i))) : get("axes")] },
  squeeze: { signature: ["a", "axis=None"], method: "squeeze", args: (get) => (get("axis").kind === "none" ? [] : [get("axis")]) },
};

/** numpy.swapaxes, moveaxis, reshape, transpose and squeeze as the array's methods; data the analyzer cannot see stays
 *  unknown, except a reshape to known sizes (unknown-reshape.ts). */
export function numpyWrappedFunctions(fn: Fn): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [name, { signature, method, args }] of Object.entries(WRAPPED)) {
    out[name] = fn(`numpy.${name}`, (call) => {
      const bound = bindArguments(signature, call.args, call.kwargs, `numpy.${name}`);
      const get = (n: string) => bound.get(n);
      const a = get("a");
      if (a.kind === "unknown") return (name === "reshape" ? reshapedUnknown(args(get, 0)[0]) : undefined) ?? a;
      // A nested list (`np.reshape(dataX, (n_patterns, seq_length, 1))` of lists a loop appended) becomes an array
      // first (numpy's asarray), and the reshape gives the asked shape or raises, as for data the analyzer cannot see.
      if (name === "reshape" && (a.kind === "list" || a.kind === "tuple")) return reshapedUnknown(args(get, 0)[0]) ?? unknown(`numpy.reshape of a ${a.kind} to a shape the code does not state`);
      if (a.kind !== "tensor") return unknown(`numpy.${name} of a ${a.kind} is not modelled`);
      return TENSOR_METHODS.get(method)!(a, { args: args(get, a.shape.length), kwargs: new Map(), context: call.context });
    });
  }
  return out;
}
