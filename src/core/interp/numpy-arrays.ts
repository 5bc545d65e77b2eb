// numpy arrays as shapes: model code builds constant tables with numpy (sinusoid position tables, masks) and hands
// them to torch.FloatTensor / torch.from_numpy. An array is a tensor value here (shape and dtype, never contents);
// element-wise numpy math keeps the shape, and on plain numbers computes the number. No op is recorded: numpy work
// is not part of a model's forward FLOPs.
import { NONE, bindArguments, float, int, list, rangeLength, tensor, toInts, toNumber, unknown } from "./construct";
import { nativeClass } from "./classes";
import { literalShape } from "../torch/ops/creation";
import { DTYPE_NAMES, toDtype } from "../torch/dtypes";
import { broadcastShapes } from "../torch/shapes";
import { valuesOf, withValues } from "../torch/known-values";
import { bindPublished } from "../signatures/published";
import { PythonError, type BoundArguments, type ClassValue, type NativeCall, type TensorDtype, type TensorValue, type Value } from "./values";

type Fn = (name: string, call: (c: NativeCall) => Value) => Value;

/** numpy's default dtypes: float64 for floats, int64 for ints (numpy docs, "Data types"). */
function numpyDtype(d: TensorDtype): TensorDtype {
  return d === "float32" ? "float64" : d;
}

function elementwise(name: string, f: (x: number) => number, fn: Fn): Value {
  return fn(`numpy.${name}`, ({ args }) => {
    const x = args[0];
    if (x?.kind === "tensor") return tensor(x.shape, x.dtype === "int64" || x.dtype === "bool" ? "float64" : x.dtype);
    if (x?.kind === "unknown") return x;
    if (x?.kind === "list" || x?.kind === "tuple") return tensor(literalShape(x).shape, "float64");
    if (x === undefined) throw new PythonError(`numpy.${name}() takes one argument`);
    return float(f(toNumber(x, `numpy.${name}`)));
  });
}

/** numpy.random's samplers: an array of the requested size, or one number when no size is given. */
export function numpyRandomFunctions(fn: Fn): Record<string, Value> {
  const sized = (name: string, sizeAt: number, dtype: TensorDtype) => fn(`numpy.random.${name}`, ({ args, kwargs }) => {
    const size = kwargs.get("size") ?? args[sizeAt];
    if (size === undefined || size.kind === "none") return unknown(`a random number from numpy.random.${name}`);
    return tensor(toInts(size, `numpy.random.${name}(size)`), dtype);
  });
  const dims = (name: string) => fn(`numpy.random.${name}`, ({ args }) => (args.length ? tensor(args.map((a) => toNumber(a, `numpy.random.${name}`)), "float64") : unknown(`a random number from numpy.random.${name}`)));
  return {
    normal: sized("normal", 2, "float64"),
    uniform: sized("uniform", 2, "float64"),
    randint: sized("randint", 2, "int64"),
    // choice(a, size=None, replace=True, p=None): `size` draws from `a` (numpy.org/doc/stable/reference/random/
    // generated/numpy.random.choice.html), as Generator.choice and RandomState.choice already read: a Subset of
    // `np.random.choice(len(ds), 4000, replace=False)` holds 4,000 samples.
    choice: sized("choice", 1, "int64"),
    // The other legacy samplers, `size` after their distribution's parameters (numpy.org/doc/stable/reference/random/
    // legacy.html, numpy 1.x and 2.x): beta(a, b, size), gamma(shape, scale, size), binomial(n, p, size), ...
    beta: sized("beta", 2, "float64"),
    gamma: sized("gamma", 2, "float64"),
    lognormal: sized("lognormal", 2, "float64"),
    laplace: sized("laplace", 2, "float64"),
    logistic: sized("logistic", 2, "float64"),
    binomial: sized("binomial", 2, "int64"),
    exponential: sized("exponential", 1, "float64"),
    poisson: sized("poisson", 1, "int64"),
    geometric: sized("geometric", 1, "int64"),
    standard_normal: sized("standard_normal", 0, "float64"),
    random_sample: sized("random_sample", 0, "float64"),
    random: sized("random", 0, "float64"),
    randn: dims("randn"),
    rand: dims("rand"),
    // "If x is an integer, randomly permute np.arange(x). If x is an array, make a copy and shuffle the elements
    // randomly" (numpy.org/doc/stable/reference/random/generated/numpy.random.permutation.html): its length is known,
    // its order is not.
    permutation: fn("numpy.random.permutation", ({ args, kwargs }) => {
      const x = args[0] ?? kwargs.get("x");
      if (x?.kind === "int") return numpyArray([x.value], "int64");
      if (x?.kind === "tensor") return numpyArray(x.shape, x.dtype);
      if (x?.kind === "range") return numpyArray([rangeLength(x.start, x.stop, x.step)], "int64");
      if (x?.kind === "list" || x?.kind === "tuple") {
        const { shape, dtype } = literalShape(x);
        return numpyArray(shape, numpyDtype(dtype));
      }
      return unknown("numpy.random.permutation of an unknown value");
    }),
  };
}

/** numpy.array, zeros, ones, power and the element-wise functions model code uses for constant tables. */
export function numpyArrayFunctions(fn: Fn): Record<string, Value> {
  const fromData = (name: string) => fn(`numpy.${name}`, ({ args }) => {
    const data = args[0];
    if (data === undefined) throw new PythonError(`numpy.${name}() missing required argument 'object'`);
    // Rows the analyzer could not count (a stand-in first dimension) stay uncounted in the copy.
    if (data.kind === "tensor") return data.rowsUnknown ? { ...numpyArray(data.shape, data.dtype, valuesOf(data)), rowsUnknown: data.rowsUnknown } : numpyArray(data.shape, data.dtype, valuesOf(data));
    if (data.kind === "unknown") return data;
    const { shape, dtype } = literalShape(data);
    return numpyArray(shape, numpyDtype(dtype), numbersOf(data));
  });
  const filled = (name: string, signature: string[]) => fn(`numpy.${name}`, (call) => {
    const a = bindNumpy(name, signature, call);
    const shape = a.get("shape");
    return numpyArray(shape.kind === "int" ? [shape.value] : toInts(shape, `numpy.${name}(shape)`), dtypeOr(a, "float64"));
  });
  return {
    array: fromData("array"),
    asarray: fromData("asarray"),
    zeros: filled("zeros", ["shape", "dtype=None", "order='C'", "like=None"]),
    ones: filled("ones", ["shape", "dtype=None", "order='C'", "like=None"]),
    empty: filled("empty", ["shape", "dtype=None", "order='C'", "like=None"]),
    full: filled("full", ["shape", "fill_value", "dtype=None", "order='C'", "like=None"]),
    // the identity tables model code adds to predicted transforms (PointNet's T-Nets)
    eye: fn("numpy.eye", (call) => {
      const a = bindNumpy("eye", ["N", "M=None", "k=0", "dtype=None", "order='C'", "like=None"], call);
      return numpyArray([a.int("N"), a.isNone("M") ? a.int("N") : a.int("M")], dtypeOr(a, "float64"));
    }),
    identity: fn("numpy.identity", (call) => {
      const a = bindNumpy("identity", ["n", "dtype=None", "like=None"], call);
      return numpyArray([a.int("n"), a.int("n")], dtypeOr(a, "float64"));
    }),
    power: fn("numpy.power", ({ args }) => {
      const [a, b] = args;
      if (a?.kind === "tensor") return a;
      if (b?.kind === "tensor") return tensor(b.shape, "float64");
      return float(Math.pow(toNumber(a, "numpy.power"), toNumber(b, "numpy.power")));
    }),
    // numpy.where(condition, x, y): x where condition holds, else y, of the three's broadcast shape (NumPy docs,
    // numpy.where). With the condition alone it gives the indices of its true elements, how many not known.
    where: fn("numpy.where", ({ args, kwargs }) => {
      const parts = [args[0] ?? kwargs.get("condition"), args[1] ?? kwargs.get("x"), args[2] ?? kwargs.get("y")];
      if (parts.some((v) => v === undefined || v.kind === "unknown")) return unknown("numpy.where: the indices of the true elements, how many not known");
      const shapes = parts.map((v) => (v!.kind === "tensor" ? v!.shape : v!.kind === "list" || v!.kind === "tuple" ? literalShape(v!).shape : []));
      const arrays = parts.slice(1).filter((v): v is TensorValue => v!.kind === "tensor");
      return tensor(broadcastShapes(...shapes), arrays.find((v) => v.dtype !== "bool")?.dtype ?? "float64");
    }),
    sin: elementwise("sin", Math.sin, fn),
    cos: elementwise("cos", Math.cos, fn),
    exp: elementwise("exp", Math.exp, fn),
    tanh: elementwise("tanh", Math.tanh, fn),
    abs: elementwise("abs", Math.abs, fn),
    // numpy.nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None) (NumPy 1.17+ docs): x with NaN and the
    // infinities replaced, of x's shape and dtype.
    nan_to_num: fn("numpy.nan_to_num", ({ args, kwargs }) => {
      const x = args[0] ?? kwargs.get("x");
      if (x?.kind === "tensor") return numpyArray([...x.shape], x.dtype);
      if (x?.kind === "int" || x?.kind === "float") return x;
      if (x?.kind === "list" || x?.kind === "tuple") return tensor(literalShape(x).shape, "float64");
      return unknown("numpy.nan_to_num of an unknown value");
    }),
  };
}

/** A numpy array of this shape, with its values when they are known (small 1-D tables: linspace, arange, cumsum). */
export function numpyArray(shape: number[], dtype: TensorDtype, values?: number[]): TensorValue {
  const t: TensorValue = { kind: "tensor", shape, dtype, numpy: true };
  return values ? withValues(t, values) : t;
}

/** One element of a numpy array as Python sees it: numpy.float64 is a float, numpy.int64 behaves as an int. */
export function numpyScalar(dtype: TensorDtype, x: number): Value {
  if (dtype === "bool") return { kind: "bool", value: x !== 0 };
  return dtype.startsWith("int") || dtype === "uint8" ? int(x) : float(x);
}

/** The Python numbers of a known array, nested as its shape (ndarray.tolist()). */
export function nestedNumbers(t: TensorValue, values: number[]): Value {
  const nest = (dims: number[], at: number): Value => {
    if (dims.length === 0) return numpyScalar(t.dtype, values[at]);
    const stride = dims.slice(1).reduce((a, b) => a * b, 1);
    return list(Array.from({ length: dims[0] }, (_, i) => nest(dims.slice(1), at + i * stride)));
  }
  return nest(t.shape, 0);
}

/** Binds a numpy call against numpy's published signature, then reads it by the names given here. */
function bindNumpy(name: string, signature: string[], call: NativeCall): BoundArguments {
  const c = bindPublished(`numpy.${name}`, signature, call.args, call.kwargs);
  return bindArguments(signature, c.args, c.kwargs, `numpy.${name}`);
}

/** The numbers of an array-like (a list, a tuple, a known array), or undefined when any is unknown. */
export function numbersOf(v: Value): number[] | undefined {
  if (v.kind === "tensor") return valuesOf(v);
  if (v.kind === "int" || v.kind === "float") return [v.value];
  if (v.kind === "range") return Array.from({ length: Math.max(0, Math.ceil((v.stop - v.start) / v.step)) }, (_, i) => v.start + i * v.step);
  if (v.kind === "list" || v.kind === "tuple") {
    const out: number[] = [];
    for (const x of v.items) {
      const inner = numbersOf(x);
      if (!inner) return undefined;
      out.push(...inner);
    }
    return out;
  }
  return undefined;
}

function dtypeOr(a: BoundArguments, fallback: TensorDtype): TensorDtype {
  return a.isNone("dtype") ? fallback : numpyDtype(toDtype(a.get("dtype")));
}

/** numpy's scalar types (numpy.float32, numpy.int64, ...): dtypes, and callables that make a Python number. */
export function numpyScalarTypes(objectClass: ClassValue): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const name of ["float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "bool_", "double", "half"]) {
    const dtype = DTYPE_NAMES[name === "bool_" ? "bool" : name];
    out[name] = nativeClass(`numpy.${name}`, [objectClass], {}, {
      construct: ({ args }) => {
        const x = args[0] ?? int(0);
        if (x.kind === "unknown") return x;
        if (x.kind === "tensor") return numpyArray(x.shape, dtype, valuesOf(x));
        return numpyScalar(dtype, toNumber(x, `numpy.${name}`));
      },
    });
  }
  out.float_ = out.float64;
  out.dtype = nativeClass("numpy.dtype", [objectClass], {}, { construct: ({ args }) => args[0] ?? NONE });
  out.int_ = out.int64;
  // The aliases of the builtins notebooks of NumPy 1.x name (`dtype=np.bool`, `np.float`, `np.int`): deprecated in
  // 1.20, removed in 1.24; numpy.bool is back in 2.0 as bool_'s name (numpy.org/doc/stable/release/1.20.0-notes.html,
  // 2.0.0-notes.html). As dtypes they mean bool, float64 and int64.
  out.bool = out.bool_;
  out.float = out.float64;
  out.int = out.int64;
  return out;
}

/** numpy's table builders model code uses for per-block rates and positions: linspace, arange, cumsum; and sum of
 *  known numbers (a step budget summed from a list of phases, `np.sum([15000, 3000])`). */
export function numpyTableFunctions(fn: Fn): Record<string, Value> {
  return {
    newaxis: NONE,
    linspace: fn("numpy.linspace", (call) => {
      const a = bindNumpy("linspace", ["start", "stop", "num=50", "endpoint=True", "retstep=False", "dtype=None", "axis=0"], call);
      const [start, stop, n] = [a.float("start"), a.float("stop"), a.int("num")];
      if (n < 0) throw new PythonError(`Number of samples, ${n}, must be non-negative.`);
      const intervals = a.bool("endpoint") ? n - 1 : n;
      const step = intervals > 0 ? (stop - start) / intervals : 0;
      const dtype = dtypeOr(a, "float64");
      const values = Array.from({ length: n }, (_, i) => (a.bool("endpoint") && i === n - 1 && n > 1 ? stop : start + i * step));
      return numpyArray([n], dtype, dtype.startsWith("int") ? values.map(Math.floor) : values);
    }),
    arange: fn("numpy.arange", (call) => {
      const a = bindNumpy("arange", ["start", "stop=None", "step=None", "dtype=None"], call);
      const bounds = ["start", "stop", "step"].filter((k) => !a.isNone(k)).map((k) => a.get(k));
      const isInt = bounds.every((b) => b.kind === "int" || b.kind === "bool");
      const [start, stop, step] = a.isNone("stop") ? [0, a.float("start"), 1] : [a.float("start"), a.float("stop"), a.isNone("step") ? 1 : a.float("step")];
      if (step === 0) throw new PythonError("ZeroDivisionError: division by zero");
      const length = Math.max(0, Math.ceil((stop - start) / step));
      return numpyArray([length], dtypeOr(a, isInt ? "int64" : "float64"), length <= 4096 ? Array.from({ length }, (_, i) => start + i * step) : undefined);
    }),
    cumsum: fn("numpy.cumsum", (call) => {
      const a = bindNumpy("cumsum", ["a", "axis=None", "dtype=None", "out=None"], call);
      const input = a.get("a");
      const numbers = numbersOf(input);
      const base = input.kind === "tensor" ? input.dtype : numbers?.every(Number.isInteger) ? "int64" : "float64";
      if (input.kind === "tensor" && (!a.isNone("axis") || input.shape.length > 1) && !numbers) return numpyArray(input.shape, dtypeOr(a, base));
      if (!numbers) return unknown("numpy.cumsum of values the analyzer does not know");
      let acc = 0;
      return numpyArray([numbers.length], dtypeOr(a, base), numbers.map((x) => (acc += x)));
    }),
    // numpy.sum with no axis adds every element (numpy.org/doc/stable/reference/generated/numpy.sum.html): a numpy
    // scalar, an int for integers; an array of unknown values, or a sum along an axis, stays unknown.
    sum: fn("numpy.sum", (call) => {
      const a = bindNumpy("sum", ["a", "axis=None", "dtype=None", "out=None", "keepdims=False", "initial=0", "where=True"], call);
      const numbers = a.isNone("axis") ? numbersOf(a.get("a")) : undefined;
      if (!numbers) return unknown("numpy.sum of values the analyzer does not know");
      const input = a.get("a");
      const base = input.kind === "tensor" ? input.dtype : numbers.every(Number.isInteger) ? "int64" : "float64";
      return numpyScalar(dtypeOr(a, base), numbers.reduce((x, y) => x + y, a.float("initial")));
    }),
  };
}
