// Tensor methods (x.view, x.size, x.add_, ...): most share torch.X's implementation with x as the first argument.
import { NONE, bool, float, int, list, size, toInts, unknown } from "../interp/construct";
import { convertedValues, valuesOf } from "./known-values";
import { sameElements } from "./routing";
import { nestedNumbers, numpyArray, numpyScalar } from "../interp/numpy-arrays";
import { numpyArrayDot, numpyArrayRepeat, numpyArrayTranspose } from "../interp/numpy-array-methods";
import { numpyArrayReduction } from "../interp/numpy-reductions";
import { PythonError, Unresolved, type BoundArguments, type NativeCall, type OpContext, type TensorValue, type Value } from "../interp/values";
import { viewFailsChannelsLast } from "./memory-format";
import { shapeFromVarargs, tensorArg, toTensor } from "./args";
import { dtypeBytes, isFloating, toDtype } from "./dtypes";
import { defineOp, emit, opSignature, view } from "./ops/define";
import { bindPublished } from "../signatures/published";
import { BINARY_OPS, BOOL_UNARY, FLOAT_UNARY, SAME_UNARY, elementwiseInPlace } from "./ops/elementwise";
import { literalShape } from "./ops/creation";
import * as shapes from "./ops/shape-ops";
import { normalizeDim, numel } from "./shapes";
import { TORCH_FUNCTIONS } from "./torch-functions";

/** A tensor method: `self` is the tensor the method was looked up on. */
export type TensorMethod = (self: TensorValue, call: NativeCall) => Value;

const methods = new Map<string, TensorMethod>();

/** Whole-array reductions of a known numpy array: numpy returns a scalar, which behaves as a Python number. */
const NUMPY_REDUCTIONS: Partial<Record<string, (xs: number[]) => number>> = {
  sum: (xs) => xs.reduce((a, b) => a + b, 0),
  prod: (xs) => xs.reduce((a, b) => a * b, 1),
  max: (xs) => Math.max(...xs),
  min: (xs) => Math.min(...xs),
};

/** Methods that are torch.X(self, ...) with the same signature. */
const SHARED = [
  ...FLOAT_UNARY, ...SAME_UNARY, ...BOOL_UNARY, ...Object.keys(BINARY_OPS),
  "pow", "clamp", "clip", "clamp_min", "clamp_max", "lerp", "addcmul", "addcdiv", "masked_fill", "softmax", "log_softmax",
  "matmul", "mm", "bmm", "addmm", "baddbmm", "addbmm", "dot", "vdot", "inner", "mv", "outer", "ger", "kron",
  "sum", "nansum", "mean", "nanmean", "prod", "amax", "amin", "logsumexp", "all", "any", "count_nonzero", "argmax", "argmin",
  "std", "var", "max", "min", "median", "nanmedian", "mode", "kthvalue", "norm", "cumsum", "cumprod", "logcumsumexp", "cummax", "cummin",
  "topk", "sort", "argsort", "cross", "bucketize", "unique", "unique_consecutive", "nonzero", "masked_select", "argwhere", "bincount", "histc",
  "split", "chunk", "tensor_split", "unbind", "flatten", "unflatten", "squeeze", "unsqueeze", "transpose", "swapaxes", "swapdims",
  "movedim", "moveaxis", "t", "narrow", "select", "gather", "take_along_dim", "scatter", "scatter_add", "scatter_reduce", "index_add",
  "index_copy", "index_fill", "masked_scatter", "index_put", "index_select", "roll", "flip", "fliplr", "flipud", "rot90", "tril", "triu",
  "repeat_interleave", "tile", "diagonal", "diag", "diag_embed", "broadcast_to", "clone", "bernoulli", "multinomial", "numel", "is_floating_point",
];
for (const name of SHARED) {
  const f = TORCH_FUNCTIONS[name];
  const reduce = NUMPY_REDUCTIONS[name];
  if (f) {
    // x.split(split_size=2) binds against Tensor.split's own published names before torch.split's body reads it.
    const implementation = (opSignature(f) ?? []).slice(1);
    methods.set(name, (self, call) => {
      const values = self.numpy && reduce && call.args.length === 0 && call.kwargs.size === 0 ? valuesOf(self) : undefined;
      if (values && values.length > 0) return numpyScalar(self.dtype === "bool" ? "int64" : self.dtype, reduce!(values)); // a numpy scalar
      const { args, kwargs } = bindPublished(`torch.Tensor.${name}`, implementation, call.args, call.kwargs);
      return f({ ...call, args: [self, ...args], kwargs });
    });
  }
}

/** Binds a method with its own Python signature (self excluded). */
function method(name: string, signature: string[], body: (self: TensorValue, a: BoundArguments, call: NativeCall) => Value): void {
  methods.set(name, (self, call) => {
    const op = defineOp(`Tensor.${name}`, signature, (a) => body(self, a, call));
    return op(call);
  });
}

/** `out` marked as of uncounted rows where `self` is and `out` keeps its first dimension. */
function keepsUncountedRows(self: TensorValue, out: Value): Value {
  return self.rowsUnknown && out.kind === "tensor" && out.shape[0] === self.shape[0] ? { ...out, rowsUnknown: self.rowsUnknown } : out;
}

/** The *shape varargs of view/reshape/expand/repeat/permute. */
function varargs(a: { get(n: string): Value }, name: string): number[] {
  const v = a.get(name);
  return shapeFromVarargs(v.kind === "tuple" ? v.items : [v], name);
}

/** A view, noted where it would raise on a channels-last tensor (a layout GL001's fix may choose). */
function viewChecked(self: TensorValue, out: TensorValue, context: OpContext): TensorValue {
  if (viewFailsChannelsLast(self.shape, out.shape)) context.channelsLastView();
  return out;
}

method("view", ["*shape"], (self, a, call) => {
  const v = a.get("shape");
  if (v.kind === "tuple" && v.items.length === 1 && (v.items[0].kind === "dtype" || v.items[0].kind === "class")) {
    const dtype = toDtype(v.items[0]);
    if (dtypeBytes(dtype) !== dtypeBytes(self.dtype)) throw new Unresolved("view(dtype) with a different element size is not modelled");
    return { ...shapes.viewAs(self, self.shape), dtype };
  }
  return viewChecked(self, shapes.viewAs(self, varargs(a, "shape")), call.context);
});
// Rows the analyzer could not count (pad_sequences over loaded data) stay uncounted where the reshape keeps the first
// dimension (`x.reshape(x.shape[0], steps, features)`).
method("reshape", ["*shape"], (self, a, call) => keepsUncountedRows(self, shapes.reshape(self, varargs(a, "shape"), call.context)));
method("view_as", ["other"], (self, a, call) => viewChecked(self, shapes.viewAs(self, tensorArg(a, "other", "view_as").shape), call.context));
method("reshape_as", ["other"], (self, a, call) => shapes.reshape(self, tensorArg(a, "other", "reshape_as").shape, call.context));
method("expand", ["*sizes"], (self, a) => shapes.expand(self, varargs(a, "sizes")));
method("expand_as", ["other"], (self, a) => shapes.expand(self, tensorArg(a, "other", "expand_as").shape));
method("repeat", ["*sizes"], (self, a, call) => shapes.repeat(self, varargs(a, "sizes"), call.context));
method("permute", ["*dims"], (self, a) => shapes.permute(self, varargs(a, "dims")));
method("contiguous", ["memory_format=None"], (self, _a, call) => shapes.contiguous(self, call.context));
method("size", ["dim=None"], (self, a) => {
  if (a.isNone("dim")) return size(self.shape);
  return int(self.shape[normalizeDim(a.int("dim"), self.shape.length)]);
});
method("dim", [], (self) => int(self.shape.length));
method("ndimension", [], (self) => int(self.shape.length));
method("nelement", [], (self) => int(numel(self.shape)));
method("element_size", [], (self) => int(dtypeBytes(self.dtype)));
method("is_contiguous", ["memory_format=None"], () => bool(true));
method("get_device", [], () => int(-1));
// Tensor.numpy() is the tensor as an ndarray of its shape and dtype, sharing its data (pytorch.org/docs/stable/generated/
// torch.Tensor.numpy.html; TensorFlow's EagerTensor.numpy() likewise): `images.numpy()` of a drawn batch keeps its rows.
method("numpy", ["*args", "**kwargs"], (self) => ({ ...self, numpy: true }));
for (const name of ["item", "tolist", "data_ptr", "__len__"]) {
  method(name, ["*args", "**kwargs"], (self) => {
    if (name === "__len__") {
      if (self.shape.length === 0) throw new PythonError("len() of a 0-d tensor");
      return int(self.shape[0]);
    }
    const values = valuesOf(self);
    const number = (x: number): Value => (self.dtype === "int64" || self.dtype === "int32" || self.dtype === "int8" || self.dtype === "uint8" ? int(x) : self.dtype === "bool" ? bool(x !== 0) : float(x));
    if (values && name === "item" && values.length === 1) return number(values[0]);
    if (values && name === "tolist") return self.shape.length === 0 ? number(values[0]) : nestedNumbers(self, values);
    // tolist() of a small tensor: its nesting and lengths follow the shape, only the numbers are unknown
    // (timm's per-block drop-path rates: `[x.tolist() for x in torch.linspace(...).split(depths)]`).
    if (name === "tolist" && self.shape.length > 0 && numel(self.shape) <= 4096) {
      const integer = self.dtype === "int64" || self.dtype === "int32" || self.dtype === "int8" || self.dtype === "uint8";
      const element = (): Value => ({ ...unknown("Tensor.tolist() reads the tensor's contents"), ...(integer ? { integer } : {}) });
      const nest = (dims: number[]): Value => (dims.length === 0 ? element() : list(Array.from({ length: dims[0] }, () => nest(dims.slice(1)))));
      return nest(self.shape);
    }
    return unknown(`Tensor.${name}() reads the tensor's contents`);
  });
}

// ndarray.astype(dtype): numpy's conversion keeps the array (and its known values, truncated toward zero for ints)
method("astype", ["dtype", "order='K'", "casting='unsafe'", "subok=True", "copy=True"], (self, a) => {
  const dtype = toDtype(a.get("dtype"));
  const values = valuesOf(self);
  const converted = values && (dtype.startsWith("int") || dtype === "uint8") ? values.map(Math.trunc) : values;
  return numpyArray(self.shape, dtype, converted);
});

// dtype conversions: a copy when the dtype changes (aten._to_copy), else the tensor itself.
const convert = (self: TensorValue, dtype: TensorValue["dtype"], call: NativeCall): TensorValue => (dtype === self.dtype ? self : sameElements(self, convertedValues(self, emit(call.context, "aten._to_copy", 0, self.shape, dtype))));
for (const [name, dtype] of [["float", "float32"], ["double", "float64"], ["half", "float16"], ["bfloat16", "bfloat16"], ["long", "int64"], ["int", "int32"], ["short", "int32"], ["char", "int8"], ["byte", "uint8"], ["bool", "bool"]] as const) {
  method(name, ["memory_format=None"], (self, _a, call) => convert(self, dtype, call));
}
method("to", ["*args", "dtype=None", "non_blocking=False", "copy=False", "memory_format=None", "device=None"], (self, a, call) => {
  // to(device), to(dtype), to(device, dtype), to(other tensor), to(dtype=...): only the dtype matters here.
  let dtype = self.dtype;
  const items = (a.get("args") as { items: Value[] }).items;
  for (const v of items) {
    if (v.kind === "dtype") dtype = v.name;
    else if (v.kind === "tensor") dtype = v.dtype;
  }
  if (!a.isNone("dtype")) dtype = toDtype(a.get("dtype"));
  return convert(self, dtype, call);
});
method("type", ["dtype=None", "non_blocking=False"], (self, a, call) => {
  if (a.isNone("dtype")) return { kind: "str", value: `torch.${{ float32: "Float", float64: "Double", float16: "Half", bfloat16: "BFloat16", int64: "Long", int32: "Int", int8: "Char", uint8: "Byte", bool: "Bool" }[self.dtype]}Tensor` };
  const v = a.get("dtype");
  // A type name ('torch.ByteTensor') or the legacy class itself (torch.ByteTensor, torch.cuda.FloatTensor).
  const typeName = v.kind === "str" ? v.value : v.kind === "native" && /Tensor$/.test(v.name) ? v.name : undefined;
  if (typeName !== undefined) {
    const m = /(Float|Double|Half|BFloat16|Long|Int|Short|Char|Byte|Bool)Tensor$/.exec(typeName);
    if (!m) throw new Unresolved(`Tensor.type('${typeName}') is not modelled`);
    const map: Record<string, TensorValue["dtype"]> = { Float: "float32", Double: "float64", Half: "float16", BFloat16: "bfloat16", Long: "int64", Int: "int32", Short: "int32", Char: "int8", Byte: "uint8", Bool: "bool" };
    return convert(self, map[m[1]], call);
  }
  return convert(self, toDtype(v), call);
});
method("type_as", ["other"], (self, a, call) => convert(self, tensorArg(a, "other", "type_as").dtype, call));
for (const name of ["cuda", "cpu", "requires_grad_", "pin_memory", "share_memory_", "detach_", "retain_grad_", "coalesce", "to_dense", "mps", "xpu"]) {
  method(name, ["*args", "**kwargs"], (self) => self);
}
method("detach", [], (self) => shapes.alias(self));
method("retain_grad", [], () => NONE);
method("backward", ["gradient=None", "retain_graph=None", "create_graph=False", "inputs=None"], () => NONE);
method("register_hook", ["hook"], () => unknown("a hook handle"));
method("apply_", ["callable"], (self) => self);

// In-place element-wise forms: x.add_(y), x.relu_(), x.clamp_(...), x.masked_fill_(mask, v) — they return x.
for (const name of [...Object.keys(BINARY_OPS), "pow", "lerp", "addcmul", "addcdiv", "clamp", "clamp_min", "clamp_max", "clip"]) {
  methods.set(`${name}_`, (self, call) => {
    const others = call.args.filter((v) => v.kind === "tensor" || v.kind === "int" || v.kind === "float" || v.kind === "bool");
    for (const [k, v] of call.kwargs) if (k !== "alpha" && k !== "value" && k !== "rounding_mode" && (v.kind === "tensor")) others.push(v);
    return elementwiseInPlace(name, self, others, call.context);
  });
}
for (const name of [...FLOAT_UNARY, ...SAME_UNARY, "sigmoid", "relu", "tanh", "exp", "neg", "abs", "sqrt", "zero", "fill", "normal", "uniform", "random", "exponential", "bernoulli", "log_normal", "cauchy", "geometric", "fill_diagonal", "tril", "triu", "t", "transpose", "squeeze", "unsqueeze", "masked_fill", "masked_scatter", "index_fill", "index_add", "index_copy", "scatter", "scatter_add", "scatter_reduce", "index_put", "put", "copy", "set", "resize", "logical_not", "sign", "floor", "ceil", "round", "trunc", "frac", "reciprocal"]) {
  if (methods.has(`${name}_`)) continue;
  methods.set(`${name}_`, (self, call) => {
    if (name === "t" || name === "transpose" || name === "squeeze" || name === "unsqueeze" || name === "resize" || name === "set") {
      throw new Unresolved(`in-place Tensor.${name}_() changes the tensor's shape and is not modelled`);
    }
    if (name === "copy") {
      const src = toTensor(call.args[0] ?? NONE, "copy_ source");
      return elementwiseInPlace("copy", self, [src], call.context);
    }
    if (name === "masked_fill") return elementwiseInPlace("masked_fill", self, [toTensor(call.args[0] ?? NONE, "masked_fill_ mask")], call.context);
    call.context.addFlops(0, `aten.${name}_`);
    return self;
  });
}

// New tensors with self's dtype.
const newFactory = (name: string, hasFill: boolean) =>
  method(name, hasFill ? ["size", "fill_value", "dtype=None", "device=None", "requires_grad=False", "layout=None", "pin_memory=False"] : ["*size", "dtype=None", "device=None", "requires_grad=False", "layout=None", "pin_memory=False"], (self, a, call) => {
    const shape = hasFill ? toInts(a.get("size"), `${name}(size)`) : varargs(a, "size");
    return emit(call.context, `aten.${name}`, 0, shape, a.isNone("dtype") ? self.dtype : toDtype(a.get("dtype")));
  });
newFactory("new_zeros", false);
newFactory("new_ones", false);
newFactory("new_empty", false);
newFactory("new_full", true);
method("new_tensor", ["data", "dtype=None", "device=None", "requires_grad=False"], (self, a, call) => {
  const { shape } = literalShape(a.get("data"));
  return emit(call.context, "aten.lift_fresh", 0, shape, a.isNone("dtype") ? self.dtype : toDtype(a.get("dtype")));
});
method("where", ["condition", "y"], (self, a, call) => TORCH_FUNCTIONS.where({ args: [a.get("condition"), self, a.get("y")], kwargs: new Map(), context: call.context }));
method("unfold", ["dimension", "size", "step"], (self, a) => {
  // Sliding windows along `dimension` (a view): that dim becomes the window count and the window size goes last.
  const d = normalizeDim(a.int("dimension"), self.shape.length);
  const windowSize = a.int("size");
  const step = a.int("step");
  if (step <= 0) throw new PythonError("step is <= 0");
  const length = self.shape.length === 0 ? 1 : self.shape[d];
  if (windowSize > length) throw new PythonError(`maximum size for tensor at dimension ${d} is ${length} but size is ${windowSize}`);
  const count = Math.floor((length - windowSize) / step) + 1;
  // A strided view, not a reshape: overlapping windows (step < size) hold more elements than the tensor has.
  return view(self, self.shape.length === 0 ? [windowSize] : self.shape.map((x, i) => (i === d ? count : x)).concat([windowSize]), false);
});
method("is_floating_point", [], (self) => bool(isFloating(self.dtype)));
method("sum_to_size", ["*size"], (self, a, call) => {
  const target = varargs(a, "size");
  shapes.expand({ ...self, shape: target }, self.shape); // the target must broadcast to self
  return emit(call.context, "aten.sum", 0, target, self.dtype);
});

// A numpy array's repeat and transpose are numpy's (each element repeated along an axis; the axes permuted), not
// torch's tiling and two-dim swap (numpy-array-methods.ts).
for (const [name, numpyMethod] of [["repeat", numpyArrayRepeat], ["transpose", numpyArrayTranspose]] as const) {
  const torchMethod = methods.get(name)!;
  methods.set(name, (self, call) => (self.numpy ? numpyMethod(self, call) : torchMethod(self, call)));
}
// A numpy array's reductions given numpy's `axis` or `keepdims` (`x.max(axis=0)`) reduce as numpy does
// (numpy-reductions.ts); torch's take `dim`. So do mean, std and var of a numpy array of integers: torch refuses
// integer tensors there, numpy reduces them to float64 (`(sizes - sizes.mean()) / sizes.std()` over np.random.randint).
const FLOAT_RESULT = new Set(["mean", "std", "var"]);
for (const name of ["max", "min", "mean", "std", "var", "sum"]) {
  const torchMethod = methods.get(name)!;
  const numpyOwn = (self: TensorValue, call: NativeCall) => call.kwargs.has("axis") || call.kwargs.has("keepdims") || (FLOAT_RESULT.has(name) && !call.kwargs.has("dim") && !isFloating(self.dtype));
  methods.set(name, (self, call) => (self.numpy && numpyOwn(self, call) ? numpyArrayReduction(name, self, call) : torchMethod(self, call)));
}
// torch's Tensor.dot takes 1-D tensors only, so `.dot` on anything of another rank is numpy's, whichever builder
// (np.random.rand, np.zeros) made the array.
const torchDot = methods.get("dot")!;
methods.set("dot", (self, call) => (self.numpy || self.shape.length !== 1 ? numpyArrayDot(self, call) : torchDot(self, call)));

/** Tensor methods by name. */
export const TENSOR_METHODS: ReadonlyMap<string, TensorMethod> = methods;
