// numpy's joins and grids as shapes (numpy.org/doc/stable/reference/routines.array-manipulation.html): fixed sin-cos
// position tables (MAE, I-JEPA) are built with meshgrid, stack, einsum('m,d->md') and concatenate before
// torch.from_numpy; only the table's shape matters to the model, so contents are not kept.
import { bindArguments, rangeLength, tuple } from "./construct";
import { normalizeDim } from "../torch/shapes";
import { literalShape } from "../torch/ops/creation";
import { numpyArray } from "./numpy-arrays";
import { PythonError, Unresolved, type NativeCall, type TensorDtype, type TensorValue, type Value } from "./values";

type Fn = (name: string, call: (c: NativeCall) => Value) => Value;

/** An array-like argument as an array's shape and dtype (a list of numbers is a 1-D float or int array). */
function asArray(v: Value, what: string): TensorValue {
  if (v.kind === "tensor") return v;
  if (v.kind === "list" || v.kind === "tuple" || v.kind === "int" || v.kind === "float") {
    const { shape, dtype } = literalShape(v);
    return numpyArray(shape, dtype === "float32" ? "float64" : dtype);
  }
  // A range is array-like too (np.meshgrid(range(w), range(h))): a 1-D integer array of its length.
  if (v.kind === "range") return numpyArray([rangeLength(v.start, v.stop, v.step)], "int64");
  if (v.kind === "unknown") throw new Unresolved(`${what}: ${v.reason}`);
  throw new PythonError(`${what}: expected an array, got ${v.kind}`);
}

function arrays(v: Value, what: string): TensorValue[] {
  if (v.kind !== "list" && v.kind !== "tuple") throw new Unresolved(`${what}: the arrays are not a list the analyzer knows`);
  if (v.items.length === 0) throw new PythonError("ValueError: need at least one array to concatenate");
  return v.items.map((x) => asArray(x, what));
}

/** numpy's result type for a join: float64 if any input is floating, else the first input's. */
function joinedDtype(xs: TensorValue[]): TensorDtype {
  return xs.find((x) => x.dtype.startsWith("float"))?.dtype ?? xs[0].dtype;
}

/** Arrays joined along `axis` after `shaped` gives each its stacking shape (vstack's rows, column_stack's columns).
 *  Rows the analyzer could not count stay uncounted where the rows are joined or kept. */
function stacked(tup: Value, what: string, shaped: (x: TensorValue) => number[], axis: number): TensorValue {
  const xs = arrays(tup, what);
  const shapes = xs.map(shaped);
  const rank = shapes[0].length;
  const shape = [...shapes[0]];
  for (const s of shapes.slice(1)) {
    if (s.length !== rank || s.some((d, i) => i !== axis && d !== shape[i])) {
      throw new PythonError("ValueError: all the input array dimensions except for the concatenation axis must match exactly");
    }
    shape[axis] += s[axis];
  }
  const uncounted = xs.find((x) => x.rowsUnknown)?.rowsUnknown;
  const joined = numpyArray(shape, joinedDtype(xs));
  return uncounted ? { ...joined, rowsUnknown: uncounted } : joined;
}

function bind(name: string, signature: string[], call: NativeCall) {
  return bindArguments(signature, call.args, call.kwargs, `numpy.${name}`);
}

/** numpy.stack / concatenate / vstack / hstack / column_stack / expand_dims / meshgrid / einsum as shapes. */
export function numpyJoinFunctions(fn: Fn): Record<string, Value> {
  return {
    stack: fn("numpy.stack", (call) => {
      const a = bind("stack", ["arrays", "axis=0", "out=None", "dtype=None", "casting='same_kind'"], call);
      const xs = arrays(a.get("arrays"), "numpy.stack");
      const shape = xs[0].shape;
      if (xs.some((x) => x.shape.join() !== shape.join())) throw new PythonError("ValueError: all input arrays must have the same shape");
      const axis = normalizeDim(a.int("axis"), shape.length + 1, "axis");
      return numpyArray([...shape.slice(0, axis), xs.length, ...shape.slice(axis)], joinedDtype(xs));
    }),
    concatenate: fn("numpy.concatenate", (call) => {
      const a = bind("concatenate", ["arrays", "axis=0", "out=None", "dtype=None", "casting='same_kind'"], call);
      const xs = arrays(a.get("arrays"), "numpy.concatenate");
      if (a.isNone("axis")) return numpyArray([xs.reduce((n, x) => n + x.shape.reduce((p, d) => p * d, 1), 0)], joinedDtype(xs));
      const rank = xs[0].shape.length;
      if (rank === 0) throw new PythonError("ValueError: zero-dimensional arrays cannot be concatenated");
      const axis = normalizeDim(a.int("axis"), rank, "axis");
      const shape = [...xs[0].shape];
      for (const x of xs.slice(1)) {
        if (x.shape.length !== rank || x.shape.some((d, i) => i !== axis && d !== shape[i])) {
          throw new PythonError("ValueError: all the input array dimensions except for the concatenation axis must match exactly");
        }
        shape[axis] += x.shape[axis];
      }
      return numpyArray(shape, joinedDtype(xs));
    }),
    // vstack/row_stack, hstack and column_stack join a tuple of arrays (numpy.org/doc/stable/reference/generated/
    // numpy.vstack.html, numpy.hstack.html, numpy.column_stack.html, numpy 1.x and 2.x): vstack stacks rows, a 1-D (N,)
    // array as one row (1, N); hstack joins 1-D arrays end to end and others along their second axis; column_stack
    // makes each 1-D array a column (N, 1), then joins along the second axis. A GAN's `np.vstack((x_real, x_fake))`
    // is one batch of both halves.
    vstack: fn("numpy.vstack", (call) => stacked(bind("vstack", ["tup", "dtype=None", "casting='same_kind'"], call).get("tup"), "numpy.vstack", (x) => (x.shape.length < 2 ? [1, x.shape[0] ?? 1] : x.shape), 0)),
    row_stack: fn("numpy.row_stack", (call) => stacked(bind("row_stack", ["tup", "dtype=None", "casting='same_kind'"], call).get("tup"), "numpy.row_stack", (x) => (x.shape.length < 2 ? [1, x.shape[0] ?? 1] : x.shape), 0)),
    hstack: fn("numpy.hstack", (call) => {
      const tup = bind("hstack", ["tup", "dtype=None", "casting='same_kind'"], call).get("tup");
      const first = arrays(tup, "numpy.hstack")[0];
      return stacked(tup, "numpy.hstack", (x) => (x.shape.length === 0 ? [1] : x.shape), first.shape.length <= 1 ? 0 : 1);
    }),
    column_stack: fn("numpy.column_stack", (call) => stacked(bind("column_stack", ["tup"], call).get("tup"), "numpy.column_stack", (x) => (x.shape.length < 2 ? [x.shape[0] ?? 1, 1] : x.shape), 1)),
    // expand_dims(a, axis): a length-1 axis at each position of `axis` (an int or a tuple), counted in the result's
    // dimensions (numpy 1.18+; numpy.org/doc/stable/reference/generated/numpy.expand_dims.html).
    expand_dims: fn("numpy.expand_dims", (call) => {
      const a = bind("expand_dims", ["a", "axis"], call);
      const x = asArray(a.get("a"), "numpy.expand_dims");
      const given = a.get("axis");
      const items = given.kind === "tuple" || given.kind === "list" ? given.items : [given];
      if (items.some((v) => v.kind !== "int")) throw new Unresolved("numpy.expand_dims: the axis is not an int the analyzer knows");
      const rank = x.shape.length + items.length;
      const axes = new Set(items.map((v) => normalizeDim((v as { value: number }).value, rank, "axis")));
      if (axes.size !== items.length) throw new PythonError("ValueError: repeated axis");
      const rest = [...x.shape];
      return numpyArray(Array.from({ length: rank }, (_, i) => (axes.has(i) ? 1 : rest.shift()!)), x.dtype);
    }),
    // meshgrid(x1, ..., xn, indexing='xy'): n arrays of the grid's shape; 'xy' swaps the first two axes
    meshgrid: fn("numpy.meshgrid", ({ args, kwargs }) => {
      const xs = args.map((x) => asArray(x, "numpy.meshgrid"));
      const lengths = xs.map((x) => x.shape.reduce((p, d) => p * d, 1));
      const indexing = kwargs.get("indexing");
      const xy = !indexing || (indexing.kind === "str" && indexing.value === "xy");
      const shape = xy && lengths.length >= 2 ? [lengths[1], lengths[0], ...lengths.slice(2)] : lengths;
      return tuple(xs.map((x) => numpyArray([...shape], x.dtype)));
    }),
    // einsum with an explicit output ('m,d->md'): each output letter takes its size from the operand that has it
    einsum: fn("numpy.einsum", ({ args }) => {
      const [spec, ...operands] = args;
      if (spec?.kind !== "str") throw new Unresolved("numpy.einsum: the subscripts are not a string the analyzer knows");
      const [inputs, output] = spec.value.replace(/\s/g, "").split("->");
      if (output === undefined || inputs.includes(".")) throw new Unresolved("numpy.einsum without an explicit output or with '...'");
      const terms = inputs.split(",");
      const xs = operands.map((x) => asArray(x, "numpy.einsum"));
      if (terms.length !== xs.length) throw new PythonError("ValueError: more operands than subscripts, or fewer");
      const sizes = new Map<string, number>();
      terms.forEach((t, i) => {
        if (t.length !== xs[i].shape.length) throw new PythonError(`ValueError: operand ${i} has ${xs[i].shape.length} dimensions, subscripts '${t}' name ${t.length}`);
        [...t].forEach((c, j) => sizes.set(c, xs[i].shape[j]));
      });
      return numpyArray([...output].map((c) => {
        const n = sizes.get(c);
        if (n === undefined) throw new PythonError(`ValueError: einstein sum subscripts string included output subscript '${c}' which never appeared in an input`);
        return n;
      }), joinedDtype(xs));
    }),
  };
}

