// numpy arrays as shapes: model code builds constant tables with numpy (sinusoid position tables, masks) and hands
// them to torch.FloatTensor / torch.from_numpy. An array is a tensor value here (shape and dtype, never contents);
// element-wise numpy math keeps the shape, and on plain numbers computes the number. No op is recorded: numpy work
// is not part of a model's forward FLOPs.
import { float, tensor, toInts, toNumber, unknown } from "./construct";
import { literalShape } from "../torch/ops/creation";
import { PythonError, type NativeCall, type TensorDtype, type Value } from "./values";

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
    randn: dims("randn"),
    rand: dims("rand"),
  };
}

/** numpy.array, zeros, ones, power and the element-wise functions model code uses for constant tables. */
export function numpyArrayFunctions(fn: Fn): Record<string, Value> {
  const fromData = (name: string) => fn(`numpy.${name}`, ({ args }) => {
    const data = args[0];
    if (data === undefined) throw new PythonError(`numpy.${name}() missing required argument 'object'`);
    if (data.kind === "tensor") return tensor(data.shape, data.dtype);
    if (data.kind === "unknown") return data;
    const { shape, dtype } = literalShape(data);
    return tensor(shape, numpyDtype(dtype));
  });
  const filled = (name: string) => fn(`numpy.${name}`, ({ args }) => (args[0] ? tensor(toInts(args[0], `numpy.${name}(shape)`), "float64") : unknown(`numpy.${name} of no shape`)));
  return {
    array: fromData("array"),
    asarray: fromData("asarray"),
    zeros: filled("zeros"),
    ones: filled("ones"),
    empty: filled("empty"),
    power: fn("numpy.power", ({ args }) => {
      const [a, b] = args;
      if (a?.kind === "tensor") return a;
      if (b?.kind === "tensor") return tensor(b.shape, "float64");
      return float(Math.pow(toNumber(a, "numpy.power"), toNumber(b, "numpy.power")));
    }),
    sin: elementwise("sin", Math.sin, fn),
    cos: elementwise("cos", Math.cos, fn),
    exp: elementwise("exp", Math.exp, fn),
    tanh: elementwise("tanh", Math.tanh, fn),
    abs: elementwise("abs", Math.abs, fn),
  };
}
