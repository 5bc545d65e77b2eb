// torch.* functions by name: Python signatures of the real torch functions bound to the shape/FLOP ops.
import { convertedValues, filled, flipped, valuesOf, withValues } from "./known-values";
import { histogram, nonzeroCoordinates, nonzeroCount, pickedExperts } from "./routing";
import { complexFromParts, polar, viewAsComplex, viewAsReal } from "./ops/complex";
import { int, list, tensor, tuple, toInt, toInts, toNumber } from "../interp/construct";
import { PythonError, Unresolved, type BoundArguments, type OpContext, type TensorValue, type Value, UnknownInput } from "../interp/values";
import { dimArg, dimsArg, optionalInt, sequenceItems, shapeFromVarargs, tensorArg, toTensor } from "./args";
import { toDtype } from "./dtypes";
import { arangeLength, factory, literalShape } from "./ops/creation";
import { defineOp, emit, type OpImpl } from "./ops/define";
import { reshapedUnknown } from "../interp/unknown-reshape";
import { BINARY_OPS, BOOL_UNARY, FLOAT_UNARY, SAME_UNARY, elementwise, resultDtype, unary } from "./ops/elementwise";
import { bmm, einsum, groupedMm, matmul, mm } from "./ops/linear-algebra";
import { meanDtype, reduce, sumDtype, topk, valuesAndIndices, valuesIndicesTuple } from "./ops/reductions";
import * as shapes from "./ops/shape-ops";
import { mmFlops } from "./flops";
import { broadcastShapes, normalizeDim, numel } from "./shapes";

const FACTORY_OPTIONS = ["dtype=None", "layout=None", "device=None", "requires_grad=False", "pin_memory=False", "generator=None", "out=None", "memory_format=None", "names=None"];

function dtypeOr(args: BoundArguments, fallback: TensorValue["dtype"]): TensorValue["dtype"] {
  return args.isNone("dtype") ? fallback : toDtype(args.get("dtype"));
}

/** The tensors of a tuple/list argument. */
export function tensorList(v: Value, what: string): TensorValue[] {
  return sequenceItems(v, what).map((x, i) => toTensor(x, `${what}[${i}]`));
}

/** True for the operands clamp accepts as bounds: numbers, tensors and None. */
function isScalarOrTensor(v: Value): boolean {
  return v.kind === "int" || v.kind === "float" || v.kind === "bool" || v.kind === "tensor" || v.kind === "none";
}

const f: Record<string, OpImpl> = {};

// ---- factories ----
for (const name of ["zeros", "ones", "empty", "rand", "randn"]) {
  // the size comes positionally (`zeros(2, 3)`, `zeros((2, 3))`) or by keyword (`empty(size=(2, 3))`)
  f[name] = defineOp(`torch.${name}`, ["*sizes", "size=None", ...FACTORY_OPTIONS], (a, c) => {
    const positional = (a.get("sizes") as { items: Value[] }).items;
    if (positional.length > 0 && !a.isNone("size")) throw new PythonError(`${name}() got multiple values for argument 'size'`);
    const size = positional.length === 0 && !a.isNone("size") ? a.get("size") : positional.length === 1 ? positional[0] : tuple(positional);
    const out = factory(name, shapeFromVarargs(size.kind === "tuple" ? size.items : [size], `torch.${name}(size)`), dtypeOr(a, "float32"), c);
    return filled(out, name === "zeros" ? 0 : name === "ones" ? 1 : undefined);
  });
}
f.full = defineOp("torch.full", ["size", "fill_value", ...FACTORY_OPTIONS], (a, c) => {
  const fill = a.get("fill_value");
  const inferred = fill.kind === "bool" ? "bool" : fill.kind === "int" ? "int64" : "float32";
  return filled(factory("full", toInts(a.get("size"), "torch.full(size)"), dtypeOr(a, inferred), c), numberOf(fill));
});
for (const name of ["zeros_like", "ones_like", "empty_like", "rand_like", "randn_like"]) {
  f[name] = defineOp(`torch.${name}`, ["input", ...FACTORY_OPTIONS], (a, c) => {
    const input = tensorArg(a, "input", name);
    return filled(factory(name, input.shape, dtypeOr(a, input.dtype), c), name === "zeros_like" ? 0 : name === "ones_like" ? 1 : undefined);
  });
}
f.full_like = defineOp("torch.full_like", ["input", "fill_value", ...FACTORY_OPTIONS], (a, c) => {
  const input = tensorArg(a, "input", "full_like");
  return filled(factory("full_like", input.shape, dtypeOr(a, input.dtype), c), numberOf(a.get("fill_value")));
});

/** A Python number's value (bools as 0/1), else undefined. */
function numberOf(v: Value): number | undefined {
  return v.kind === "int" || v.kind === "float" ? v.value : v.kind === "bool" ? Number(v.value) : undefined;
}
f.randint_like = defineOp("torch.randint_like", ["input", "low=0", "high=None", ...FACTORY_OPTIONS], (a, c) => {
  const input = tensorArg(a, "input", "randint_like");
  return factory("randint_like", input.shape, dtypeOr(a, input.dtype), c);
});
f.randint = defineOp("torch.randint", ["*args", "size=None", ...FACTORY_OPTIONS], (a, c) => {
  // randint(high, size) or randint(low, high, size); size may also come by keyword.
  const positional = (a.get("args") as { items: Value[] }).items;
  const size = !a.isNone("size") ? a.get("size") : positional[positional.length - 1];
  if (size === undefined) throw new PythonError("randint() missing required argument 'size'");
  return factory("randint", toInts(size, "torch.randint(size)"), dtypeOr(a, "int64"), c);
});
f.randperm = defineOp("torch.randperm", ["n", ...FACTORY_OPTIONS], (a, c) => factory("randperm", [a.int("n")], dtypeOr(a, "int64"), c));
f.arange = defineOp("torch.arange", ["*args", "end=None", "step=None", ...FACTORY_OPTIONS], (a, c) => {
  const positional = (a.get("args") as { items: Value[] }).items;
  const values = [...positional];
  if (!a.isNone("end")) values.push(a.get("end"));
  if (!a.isNone("step")) values.push(a.get("step"));
  if (values.length === 0 || values.length > 3) throw new PythonError("arange() takes 1 to 3 positional arguments");
  const nums = values.map((v) => {
    if (v.kind === "int" || v.kind === "float" || v.kind === "bool") return v.value as number;
    if (v.kind === "tensor" && v.shape.length === 0) throw new Unresolved("arange bound is a tensor's contents");
    if (v.kind === "unknown") throw new UnknownInput(v);
    throw new PythonError(`arange(): expected numbers, got ${v.kind}`);
  });
  const [start, end, step] = nums.length === 1 ? [0, nums[0], 1] : nums.length === 2 ? [nums[0], nums[1], 1] : nums;
  const integral = values.every((v) => v.kind === "int" || v.kind === "bool");
  const length = arangeLength(start, end, step);
  const out = factory("arange", [length], dtypeOr(a, integral ? "int64" : "float32"), c);
  return length <= 4096 ? withValues(out, Array.from({ length }, (_, i) => start + i * step)) : out;
});
f.linspace = defineOp("torch.linspace", ["start", "end", "steps", ...FACTORY_OPTIONS], (a, c) => {
  const steps = a.int("steps");
  const out = factory("linspace", [steps], dtypeOr(a, "float32"), c);
  const [start, end] = [a.get("start"), a.get("end")];
  if ((start.kind !== "int" && start.kind !== "float") || (end.kind !== "int" && end.kind !== "float") || steps > 4096) return out;
  return withValues(out, Array.from({ length: steps }, (_, i) => (steps === 1 ? start.value : start.value + ((end.value - start.value) * i) / (steps - 1))));
});
f.logspace = defineOp("torch.logspace", ["start", "end", "steps", "base=10.0", ...FACTORY_OPTIONS], (a, c) => factory("logspace", [a.int("steps")], dtypeOr(a, "float32"), c));
// Window functions (docs.pytorch.org/docs/stable/generated/torch.hann_window.html and kin): window_length points,
// for STFT front ends and sinc resamplers.
for (const [name, extra] of [["hann_window", []], ["hamming_window", ["alpha=0.54", "beta=0.46"]], ["blackman_window", []], ["bartlett_window", []], ["kaiser_window", ["beta=12.0"]]] as const) {
  f[name] = defineOp(`torch.${name}`, ["window_length", "periodic=True", ...extra, ...FACTORY_OPTIONS], (a, c) => factory(name, [a.int("window_length")], dtypeOr(a, "float32"), c));
}
f.eye = defineOp("torch.eye", ["n", "m=None", ...FACTORY_OPTIONS], (a, c) => factory("eye", [a.int("n"), optionalInt(a, "m") ?? a.int("n")], dtypeOr(a, "float32"), c));
for (const name of ["tensor", "as_tensor", "asarray"]) {
  f[name] = defineOp(`torch.${name}`, ["data", ...FACTORY_OPTIONS, "copy=None"], (a, c) => {
    const data = a.get("data");
    const { shape, dtype } = literalShape(data);
    const out = factory("lift_fresh", shape, dtypeOr(a, dtype), c);
    // A 1-D list of known numbers keeps its contents (block settings computed from them decide layers).
    const items = data.kind === "list" || data.kind === "tuple" ? data.items : undefined;
    const numbers = items?.map((v) => (v.kind === "int" || v.kind === "float" ? v.value : v.kind === "bool" ? Number(v.value) : NaN));
    return numbers && shape.length === 1 ? withValues(out, numbers) : out;
  });
}
f.scalar_tensor = defineOp("torch.scalar_tensor", ["s", ...FACTORY_OPTIONS], (a, c) => factory("scalar_tensor", [], dtypeOr(a, "float32"), c));
// An array the model code built (np.array of literals, np.eye, linspace...) has a known shape and dtype, which
// from_numpy keeps; an array read from data outside the code does not.
f.from_numpy = defineOp("torch.from_numpy", ["ndarray"], (a, c) => {
  const array = a.get("ndarray");
  if (array.kind !== "tensor") throw new Unresolved("torch.from_numpy: the array's shape comes from data outside the model code");
  return convertedValues(array, factory("lift_fresh", array.shape, array.dtype, c));
});
f.multinomial = defineOp("torch.multinomial", ["input", "num_samples", "replacement=False", "generator=None", "out=None"], (a, c) => {
  const input = tensorArg(a, "input", "multinomial");
  return emit(c, "aten.multinomial", 0, [...input.shape.slice(0, -1), a.int("num_samples")], "int64");
});
f.bernoulli = defineOp("torch.bernoulli", ["input", "p=None", "generator=None", "out=None"], (a, c) => shapes.sameShape("bernoulli", tensorArg(a, "input", "bernoulli"), c));
f.normal = defineOp("torch.normal", ["mean", "std=1.0", "size=None", "generator=None", ...FACTORY_OPTIONS], (a, c) => {
  if (!a.isNone("size")) return factory("normal", toInts(a.get("size"), "normal(size)"), dtypeOr(a, "float32"), c);
  const mean = a.get("mean");
  const std = a.get("std");
  return elementwise("normal", [mean, std], c, "float");
});

// ---- element-wise ----
for (const name of FLOAT_UNARY) f[name] = defineOp(`torch.${name}`, ["input", "out=None"], (a, c) => unary(name, tensorArg(a, "input", name), c, "float"));
for (const name of SAME_UNARY) f[name] = defineOp(`torch.${name}`, ["input", "out=None", "memory_format=None", "decimals=0", "nan=0.0", "posinf=None", "neginf=None"], (a, c) => unary(name, tensorArg(a, "input", name), c, "same"));
for (const name of BOOL_UNARY) f[name] = defineOp(`torch.${name}`, ["input", "out=None"], (a, c) => unary(name, tensorArg(a, "input", name), c, "bool"));
for (const [name, kind] of Object.entries(BINARY_OPS)) {
  f[name] = defineOp(`torch.${name}`, ["input", "other", "alpha=1", "rounding_mode=None", "out=None", "rtol=1e-05", "atol=1e-08", "equal_nan=False"], (a, c) => {
    const rounding = a.get("rounding_mode");
    const k = (name === "div" || name === "divide") && rounding.kind === "str" ? "promote" : kind;
    return elementwise(name, [a.get("input"), a.get("other")], c, k);
  });
}
f.pow = defineOp("torch.pow", ["input", "exponent", "out=None"], (a, c) => elementwise("pow", [a.get("input"), a.get("exponent")], c));
for (const name of ["clamp", "clip"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "min=None", "max=None", "out=None"], (a, c) => {
    const operands = [a.get("input"), a.get("min"), a.get("max")].filter((v) => v.kind !== "none");
    if (!operands.every(isScalarOrTensor)) throw new Unresolved(`${name}: bounds are not numbers or tensors`);
    return elementwise("clamp", operands, c, "promote");
  });
}
f.clamp_min = defineOp("torch.clamp_min", ["input", "min"], (a, c) => elementwise("clamp_min", [a.get("input"), a.get("min")], c));
f.clamp_max = defineOp("torch.clamp_max", ["input", "max"], (a, c) => elementwise("clamp_max", [a.get("input"), a.get("max")], c));
f.where = defineOp("torch.where", ["condition", "input=None", "other=None", "out=None"], (a, c) => {
  if (a.isNone("input") && a.isNone("other")) {
    const condition = a.get("condition");
    if (condition.kind !== "tensor") throw new Unresolved("torch.where(condition) returns a data-dependent number of indices");
    return nonzeroOf("where", condition, true, c);
  }
  const cond = a.get("condition");
  const shapeOf = elementwise("where", [cond, a.get("input"), a.get("other")], c, "promote");
  // The condition does not take part in dtype promotion.
  const valueDtype = resultDtype([a.get("input"), a.get("other")]);
  return { ...shapeOf, dtype: valueDtype };
});
f.lerp = defineOp("torch.lerp", ["input", "end", "weight", "out=None"], (a, c) => elementwise("lerp", [a.get("input"), a.get("end"), a.get("weight")], c));
for (const name of ["addcmul", "addcdiv"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "tensor1", "tensor2", "value=1", "out=None"], (a, c) => elementwise(name, [a.get("input"), a.get("tensor1"), a.get("tensor2")], c));
}
f.masked_fill = defineOp("torch.masked_fill", ["input", "mask", "value"], (a, c) => {
  const input = tensorArg(a, "input", "masked_fill");
  const out = elementwise("masked_fill", [input, a.get("mask")], c, "same");
  if (out.shape.length !== input.shape.length || out.shape.some((d, i) => d !== input.shape[i])) throw new PythonError(`masked_fill: mask of shape [${tensorArg(a, "mask", "masked_fill").shape.join(", ")}] does not broadcast to input [${input.shape.join(", ")}]`);
  return out;
});
f.softmax = defineOp("torch.softmax", ["input", "dim", "dtype=None"], (a, c) => {
  const input = tensorArg(a, "input", "softmax");
  dimArg(a, "dim", input.shape.length);
  return emit(c, "aten._softmax", 0, input.shape, dtypeOr(a, input.dtype));
});
f.log_softmax = defineOp("torch.log_softmax", ["input", "dim", "dtype=None"], (a, c) => {
  const input = tensorArg(a, "input", "log_softmax");
  dimArg(a, "dim", input.shape.length);
  return emit(c, "aten._log_softmax", 0, input.shape, dtypeOr(a, input.dtype));
});
f.dropout = defineOp("torch.dropout", ["input", "p", "train"], (a, c) => {
  const input = tensorArg(a, "input", "dropout");
  return a.bool("train") && a.float("p") > 0 ? emit(c, "aten.native_dropout", 0, input.shape, input.dtype) : input;
});

// ---- matrix products ----
f.matmul = defineOp("torch.matmul", ["input", "other", "out=None"], (a, c) => matmul(tensorArg(a, "input", "matmul"), tensorArg(a, "other", "matmul"), c));
f.mm = defineOp("torch.mm", ["input", "mat2", "out=None"], (a, c) => mm(tensorArg(a, "input", "mm"), tensorArg(a, "mat2", "mm"), c));
// Sparsity is not modelled: a sparse x dense product is counted as its dense matmul, 2*n*m*p (GCN's adjacency).
f.spmm = defineOp("torch.spmm", ["input", "mat2"], (a, c) => mm(tensorArg(a, "input", "spmm"), tensorArg(a, "mat2", "spmm"), c));
f._grouped_mm = defineOp("torch._grouped_mm", ["mat_a", "mat_b", "offs=None", "bias=None", "out_dtype=None"], (a, c) => groupedMm(tensorArg(a, "mat_a", "_grouped_mm"), tensorArg(a, "mat_b", "_grouped_mm"), a.isNone("offs") ? undefined : tensorArg(a, "offs", "_grouped_mm"), c));
f.bmm = defineOp("torch.bmm", ["input", "mat2", "out=None"], (a, c) => bmm(tensorArg(a, "input", "bmm"), tensorArg(a, "mat2", "bmm"), c));
f.addmm = defineOp("torch.addmm", ["input", "mat1", "mat2", "beta=1", "alpha=1", "out=None"], (a, c) => {
  const out = mm(tensorArg(a, "mat1", "addmm"), tensorArg(a, "mat2", "addmm"), c, "aten.addmm");
  elementwiseCheck(tensorArg(a, "input", "addmm"), out.shape, "addmm");
  return out;
});
f.baddbmm = defineOp("torch.baddbmm", ["input", "batch1", "batch2", "beta=1", "alpha=1", "out=None"], (a, c) => {
  const out = bmm(tensorArg(a, "batch1", "baddbmm"), tensorArg(a, "batch2", "baddbmm"), c, "aten.baddbmm");
  elementwiseCheck(tensorArg(a, "input", "baddbmm"), out.shape, "baddbmm");
  return out;
});
function elementwiseCheck(input: TensorValue, shape: number[], op: string): void {
  const offset = shape.length - input.shape.length;
  if (offset < 0 || input.shape.some((d, i) => d !== 1 && d !== shape[i + offset])) throw new PythonError(`${op}: input of shape [${input.shape.join(", ")}] does not broadcast to [${shape.join(", ")}]`);
}
f.addbmm = defineOp("torch.addbmm", ["input", "batch1", "batch2", "beta=1", "alpha=1", "out=None"], (a, c) => {
  // aten.addbmm is its own kernel, not in flop_counter.py's registry: 0 FLOPs there.
  const b1 = tensorArg(a, "batch1", "addbmm");
  const b2 = tensorArg(a, "batch2", "addbmm");
  if (b1.shape.length !== 3 || b2.shape.length !== 3 || b1.shape[2] !== b2.shape[1] || b1.shape[0] !== b2.shape[0]) throw new PythonError("addbmm: batch1 and batch2 shapes cannot be multiplied");
  return emit(c, "aten.addbmm", 0, [b1.shape[1], b2.shape[2]], b1.dtype);
});
f.dot = defineOp("torch.dot", ["input", "tensor", "out=None"], (a, c) => {
  const x = tensorArg(a, "input", "dot");
  const y = tensorArg(a, "tensor", "dot");
  if (x.shape.length !== 1 || y.shape.length !== 1 || x.shape[0] !== y.shape[0]) throw new PythonError("dot: expected 1-D tensors of the same size");
  return emit(c, "aten.dot", 0, [], x.dtype);
});
f.vdot = f.dot;
f.inner = defineOp("torch.inner", ["input", "other", "out=None"], (a, c) => {
  const x = tensorArg(a, "input", "inner");
  const y = tensorArg(a, "other", "inner");
  if (x.shape.length === 0 || y.shape.length === 0) return elementwise("mul", [x, y], c);
  return f.tensordot({ args: [x, y, tuple([list([int(-1)]), list([int(-1)])])], kwargs: new Map(), context: c });
});
f.mv = defineOp("torch.mv", ["input", "vec", "out=None"], (a, c) => {
  const m = tensorArg(a, "input", "mv");
  const v = tensorArg(a, "vec", "mv");
  if (m.shape.length !== 2 || v.shape.length !== 1 || m.shape[1] !== v.shape[0]) throw new PythonError("mv: shapes cannot be multiplied");
  return emit(c, "aten.mv", 0, [m.shape[0]], m.dtype);
});
for (const name of ["outer", "ger"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "vec2", "out=None"], (a, c) => {
    const x = tensorArg(a, "input", name);
    const y = tensorArg(a, "vec2", name);
    // outer is x.unsqueeze(1) * y: an element-wise mul.
    return emit(c, "aten.mul", 0, [numel(x.shape), numel(y.shape)], x.dtype);
  });
}
f.einsum = defineOp("torch.einsum", ["equation", "*operands"], (a, c) => {
  const eq = a.str("equation");
  let operands = (a.get("operands") as { items: Value[] }).items;
  if (operands.length === 1 && (operands[0].kind === "list" || operands[0].kind === "tuple")) operands = operands[0].items;
  return einsum(eq, operands.map((o, i) => toTensor(o, `einsum operand ${i}`)), c);
});
f.tensordot = defineOp("torch.tensordot", ["a", "b", "dims=2", "out=None"], (a, c) => {
  // ATen's tensordot permutes both operands and runs one aten.mm of [free_a, summed] @ [summed, free_b].
  const x = tensorArg(a, "a", "tensordot");
  const y = tensorArg(a, "b", "tensordot");
  const dims = a.get("dims");
  let dx: number[];
  let dy: number[];
  if (dims.kind === "int") {
    dx = Array.from({ length: dims.value }, (_, i) => x.shape.length - dims.value + i);
    dy = Array.from({ length: dims.value }, (_, i) => i);
  } else if ((dims.kind === "tuple" || dims.kind === "list") && dims.items.length === 2) {
    dx = toInts(dims.items[0], "tensordot dims").map((d) => normalizeDim(d, x.shape.length));
    dy = toInts(dims.items[1], "tensordot dims").map((d) => normalizeDim(d, y.shape.length));
  } else throw new Unresolved("tensordot dims are not known");
  if (dx.length !== dy.length || dx.some((d, i) => x.shape[d] !== y.shape[dy[i]])) throw new PythonError("tensordot: contracted dimensions do not match");
  const freeX = x.shape.filter((_, i) => !dx.includes(i));
  const freeY = y.shape.filter((_, i) => !dy.includes(i));
  const k = numel(dx.map((d) => x.shape[d]));
  return emit(c, "aten.mm", mmFlops(numel(freeX), k, numel(freeY)), [...freeX, ...freeY], x.dtype);
});
f.kron = defineOp("torch.kron", ["input", "other", "out=None"], (a, c) => {
  const x = tensorArg(a, "input", "kron");
  const y = tensorArg(a, "other", "kron");
  const rank = Math.max(x.shape.length, y.shape.length);
  const px = [...Array(rank - x.shape.length).fill(1), ...x.shape] as number[];
  const py = [...Array(rank - y.shape.length).fill(1), ...y.shape] as number[];
  return emit(c, "aten.mul", 0, px.map((d, i) => d * py[i]), x.dtype);
});
f.cdist = defineOp("torch.cdist", ["x1", "x2", "p=2.0", "compute_mode='use_mm_for_euclid_dist_if_necessary'"], (a, c) => {
  // aten._cdist_forward is not in flop_counter.py's registry: 0 FLOPs there.
  const x1 = tensorArg(a, "x1", "cdist");
  const x2 = tensorArg(a, "x2", "cdist");
  if (x1.shape[x1.shape.length - 1] !== x2.shape[x2.shape.length - 1]) throw new PythonError("cdist: X1 and X2 must have the same number of columns");
  return emit(c, "aten._cdist_forward", 0, [...x1.shape.slice(0, -1), x2.shape[x2.shape.length - 2]], x1.dtype);
});

// ---- reductions ----
for (const name of ["sum", "nansum"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "dim=None", "keepdim=False", "dtype=None", "out=None"], (a, c) => {
    const input = tensorArg(a, "input", name);
    return reduce(name, input, dimsArg(a, "dim", input.shape.length), a.bool("keepdim"), c, sumDtype(input, a.isNone("dtype") ? undefined : toDtype(a.get("dtype"))));
  });
}
for (const name of ["mean", "nanmean"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "dim=None", "keepdim=False", "dtype=None", "out=None"], (a, c) => {
    const input = tensorArg(a, "input", name);
    return reduce(name, input, dimsArg(a, "dim", input.shape.length), a.bool("keepdim"), c, meanDtype(input, name, a.isNone("dtype") ? undefined : toDtype(a.get("dtype"))));
  });
}
f.prod = defineOp("torch.prod", ["input", "dim=None", "keepdim=False", "dtype=None"], (a, c) => {
  const input = tensorArg(a, "input", "prod");
  return reduce("prod", input, dimsArg(a, "dim", input.shape.length), a.bool("keepdim"), c, sumDtype(input));
});
for (const name of ["amax", "amin", "logsumexp", "all", "any", "count_nonzero"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "dim=None", "keepdim=False", "out=None"], (a, c) => {
    const input = tensorArg(a, "input", name);
    const dtype = name === "all" || name === "any" ? "bool" : name === "count_nonzero" ? "int64" : input.dtype;
    return reduce(name, input, dimsArg(a, "dim", input.shape.length), name === "count_nonzero" ? false : a.bool("keepdim"), c, dtype);
  });
}
for (const name of ["argmax", "argmin"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "dim=None", "keepdim=False", "out=None"], (a, c) => {
    const input = tensorArg(a, "input", name);
    return reduce(name, input, dimsArg(a, "dim", input.shape.length), a.bool("keepdim"), c, "int64");
  });
}
for (const name of ["std", "var"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "dim=None", "unbiased=True", "keepdim=False", "correction=None", "out=None"], (a, c) => {
    const input = tensorArg(a, "input", name);
    // std(x, 0) passes dim positionally; a bool in that place is the legacy `unbiased`.
    const dimValue = a.get("dim");
    const dims = dimValue.kind === "bool" ? undefined : dimsArg(a, "dim", input.shape.length);
    return reduce(name, input, dims, a.bool("keepdim"), c, meanDtype(input, name));
  });
}
for (const name of ["std_mean", "var_mean"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "dim=None", "unbiased=True", "keepdim=False", "correction=None"], (a, c) => {
    const input = tensorArg(a, "input", name);
    const out = reduce(name, input, dimsArg(a, "dim", input.shape.length), a.bool("keepdim"), c, meanDtype(input, name));
    return tuple([out, { ...out, shape: [...out.shape] }]);
  });
}
for (const name of ["max", "min"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "dim=None", "keepdim=False", "out=None"], (a, c) => {
    const input = tensorArg(a, "input", name);
    const dim = a.get("dim");
    if (dim.kind === "tensor") return elementwise(name === "max" ? "maximum" : "minimum", [input, dim], c);
    if (dim.kind === "none") return reduce(name, input, undefined, false, c);
    return valuesAndIndices(name, input, toInt(dim, `${name}(dim)`), a.bool("keepdim"), c);
  });
}
for (const name of ["median", "nanmedian", "mode"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "dim=None", "keepdim=False", "out=None"], (a, c) => {
    const input = tensorArg(a, "input", name);
    if (a.isNone("dim")) {
      if (name === "mode") return valuesAndIndices(name, input, -1, a.bool("keepdim"), c);
      return reduce(name, input, undefined, false, c);
    }
    return valuesAndIndices(name, input, a.int("dim"), a.bool("keepdim"), c);
  });
}
f.kthvalue = defineOp("torch.kthvalue", ["input", "k", "dim=-1", "keepdim=False", "out=None"], (a, c) => valuesAndIndices("kthvalue", tensorArg(a, "input", "kthvalue"), a.int("dim"), a.bool("keepdim"), c));
f.norm = defineOp("torch.norm", ["input", "p='fro'", "dim=None", "keepdim=False", "out=None", "dtype=None"], (a, c) => {
  const input = tensorArg(a, "input", "norm");
  return reduce("linalg_vector_norm", input, dimsArg(a, "dim", input.shape.length), a.bool("keepdim"), c, meanDtype(input, "norm"));
});
for (const name of ["cumsum", "cumprod", "logcumsumexp"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "dim", "dtype=None", "out=None"], (a, c) => {
    const input = tensorArg(a, "input", name);
    dimArg(a, "dim", input.shape.length);
    return emit(c, `aten.${name}`, 0, input.shape, name === "logcumsumexp" ? input.dtype : sumDtype(input, a.isNone("dtype") ? undefined : toDtype(a.get("dtype"))));
  });
}
for (const name of ["cummax", "cummin"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "dim", "out=None"], (a, c) => {
    const input = tensorArg(a, "input", name);
    dimArg(a, "dim", input.shape.length);
    emit(c, `aten.${name}`, 0, input.shape, input.dtype);
    return valuesIndicesTuple({ kind: "tensor", shape: [...input.shape], dtype: input.dtype }, { kind: "tensor", shape: [...input.shape], dtype: "int64" });
  });
}
f.topk = defineOp("torch.topk", ["input", "k", "dim=-1", "largest=True", "sorted=True", "out=None"], (a, c) => topk("topk", tensorArg(a, "input", "topk"), a.int("k"), a.int("dim"), c));
f.sort = defineOp("torch.sort", ["input", "dim=-1", "descending=False", "stable=False", "out=None"], (a, c) => {
  const input = tensorArg(a, "input", "sort");
  const d = input.shape.length === 0 ? 0 : normalizeDim(a.int("dim"), input.shape.length);
  return topk("sort", input, input.shape[d] ?? 1, d, c);
});
f.argsort = defineOp("torch.argsort", ["input", "dim=-1", "descending=False", "stable=False"], (a, c) => shapes.sameShape("sort", tensorArg(a, "input", "argsort"), c, "int64"));
/**
 * nonzero / argwhere / torch.where(condition): how many elements are nonzero is data, except for tensors of known
 * contents and for a router's per-expert masks (routing.ts: picks spread evenly over the experts).
 */
function nonzeroOf(name: string, input: TensorValue, asTuple: boolean, c: OpContext): Value {
  const count = nonzeroCount(input, c);
  if (count === undefined) throw new Unresolved(`torch.${name} returns a data-dependent number of elements`);
  const rank = input.shape.length;
  const coordinates = nonzeroCoordinates(input);
  const out = emit(c, "aten.nonzero", 0, [count, rank], "int64");
  if (asTuple) return tuple(Array.from({ length: Math.max(rank, 1) }, (_, d) => (coordinates ? withValues(tensor([count], "int64"), coordinates[d] ?? []) : tensor([count], "int64"))));
  return coordinates ? withValues(out, Array.from({ length: count }, (_, i) => coordinates.map((dim) => dim[i])).flat()) : out;
}
f.nonzero = defineOp("torch.nonzero", ["input", "out=None", "as_tuple=False"], (a, c) => nonzeroOf("nonzero", tensorArg(a, "input", "nonzero"), a.bool("as_tuple"), c));
f.argwhere = defineOp("torch.argwhere", ["input"], (a, c) => nonzeroOf("argwhere", tensorArg(a, "input", "argwhere"), false, c));
f.masked_select = defineOp("torch.masked_select", ["input", "mask", "out=None"], (a, c) => {
  const input = tensorArg(a, "input", "masked_select");
  const mask = tensorArg(a, "mask", "masked_select");
  const count = nonzeroCount(mask, c);
  if (count === undefined || numel(broadcastShapes(input.shape, mask.shape)) !== numel(mask.shape)) throw new Unresolved("torch.masked_select returns a data-dependent number of elements");
  return emit(c, "aten.masked_select", 0, [count], input.dtype);
});

/** A 1-D int64 or input-dtype tensor holding `values`, as an op of no FLOPs. */
function knownTensor(c: OpContext, op: string, values: number[], dtype: TensorValue["dtype"]): TensorValue {
  return withValues(emit(c, op, 0, [values.length], dtype), values);
}

/**
 * torch.unique / unique_consecutive of a tensor whose contents are known (block widths computed from Python numbers:
 * RegNet's `torch.unique(torch.tensor(widths), return_counts=True)` gives its stage widths and depths); otherwise the
 * number of elements depends on data the analyzer does not have.
 */
function uniqueOf(name: string, consecutive: boolean): (a: BoundArguments, c: OpContext) => Value {
  return (a, c) => {
    const input = tensorArg(a, "input", name);
    const values = valuesOf(input);
    if (!values || a.get("dim").kind !== "none") throw new Unresolved(`torch.${name} returns a data-dependent number of elements`);
    const groups: number[] = [];
    const inverse: number[] = [];
    if (consecutive) {
      for (const v of values) {
        if (groups.length === 0 || groups[groups.length - 1] !== v) groups.push(v);
        inverse.push(groups.length - 1);
      }
    } else {
      groups.push(...[...new Set(values)].sort((x, y) => x - y));
      for (const v of values) inverse.push(groups.indexOf(v));
    }
    const counts = groups.map((_, g) => inverse.filter((i) => i === g).length);
    const output = knownTensor(c, `aten.${name}`, groups, input.dtype);
    const extras: Value[] = [];
    if (a.bool("return_inverse")) extras.push(withValues(emit(c, `aten.${name}`, 0, [...input.shape], "int64"), inverse));
    if (a.bool("return_counts")) extras.push(knownTensor(c, `aten.${name}`, counts, "int64"));
    return extras.length ? tuple([output, ...extras]) : output;
  };
}
f.unique = defineOp("torch.unique", ["input", "sorted=True", "return_inverse=False", "return_counts=False", "dim=None"], uniqueOf("unique", false));
f.unique_consecutive = defineOp("torch.unique_consecutive", ["input", "return_inverse=False", "return_counts=False", "dim=None"], uniqueOf("unique_consecutive", true));
f.bincount = defineOp("torch.bincount", ["input", "weights=None", "minlength=0"], (a, c) => {
  const input = tensorArg(a, "input", "bincount");
  const values = valuesOf(input);
  const experts = pickedExperts(input);
  if (experts !== undefined && !values && a.get("weights").kind === "none") {
    // a router's picks: one count per expert
    const bins = Math.max(a.int("minlength"), experts);
    return histogram(input, bins, emit(c, "aten.bincount", 0, [bins], "int64"), c) ?? emit(c, "aten.bincount", 0, [bins], "int64");
  }
  if (!values || a.get("weights").kind !== "none") throw new Unresolved("torch.bincount returns a data-dependent number of elements");
  const counts = Array.from({ length: Math.max(a.int("minlength"), values.length ? Math.max(...values) + 1 : 0) }, () => 0);
  for (const v of values) counts[v]++;
  return knownTensor(c, "aten.bincount", counts, "int64");
});
f.searchsorted = defineOp("torch.searchsorted", ["sorted_sequence", "input", "out_int32=False", "right=False", "side=None", "sorter=None", "out=None"], (a, c) => {
  const values = a.get("input");
  const shape = values.kind === "tensor" ? values.shape : [];
  return emit(c, "aten.searchsorted", 0, shape, a.bool("out_int32") ? "int32" : "int64");
});
f.bucketize = defineOp("torch.bucketize", ["input", "boundaries", "out_int32=False", "right=False", "out=None"], (a, c) => {
  const input = a.get("input");
  return emit(c, "aten.bucketize", 0, input.kind === "tensor" ? input.shape : [], a.bool("out_int32") ? "int32" : "int64");
});
f.cross = defineOp("torch.cross", ["input", "other", "dim=None", "out=None"], (a, c) => elementwise("linalg_cross", [a.get("input"), a.get("other")], c));
f.histc = defineOp("torch.histc", ["input", "bins=100", "min=0", "max=0", "out=None"], (a, c) => {
  const input = tensorArg(a, "input", "histc");
  const out = emit(c, "aten.histc", 0, [a.int("bins")], input.dtype);
  // one bin per expert index (min 0, max E-1): the rows each expert gets
  const perIndex = toNumber(a.get("min"), "histc min") === 0 && toNumber(a.get("max"), "histc max") === a.int("bins") - 1;
  return (perIndex ? histogram(input, a.int("bins"), out, c) : undefined) ?? out;
});

// ---- shapes ----
for (const name of ["cat", "concat", "concatenate"]) {
  f[name] = defineOp(`torch.${name}`, ["tensors", "dim=0", "out=None", "axis=None"], (a, c) => shapes.cat(tensorList(a.get("tensors"), `torch.${name}(tensors)`), a.isNone("axis") ? a.int("dim") : a.int("axis"), c));
}
f.stack = defineOp("torch.stack", ["tensors", "dim=0", "out=None"], (a, c) => shapes.stack(tensorList(a.get("tensors"), "torch.stack(tensors)"), a.int("dim"), c));
f.hstack = defineOp("torch.hstack", ["tensors", "out=None"], (a, c) => {
  const ts = tensorList(a.get("tensors"), "torch.hstack(tensors)").map((t) => (t.shape.length === 0 ? shapes.viewAs(t, [1]) : t));
  return shapes.cat(ts, ts[0]?.shape.length === 1 ? 0 : 1, c);
});
f.vstack = defineOp("torch.vstack", ["tensors", "out=None"], (a, c) => {
  const ts = tensorList(a.get("tensors"), "torch.vstack(tensors)").map((t) => (t.shape.length < 2 ? shapes.viewAs(t, [1, numel(t.shape)]) : t));
  return shapes.cat(ts, 0, c);
});
f.row_stack = f.vstack;
f.dstack = defineOp("torch.dstack", ["tensors", "out=None"], (a, c) => {
  const ts = tensorList(a.get("tensors"), "torch.dstack(tensors)").map((t) => (t.shape.length === 0 ? shapes.viewAs(t, [1, 1, 1]) : t.shape.length === 1 ? shapes.viewAs(t, [1, t.shape[0], 1]) : t.shape.length === 2 ? shapes.viewAs(t, [...t.shape, 1]) : t));
  return shapes.cat(ts, 2, c);
});
f.column_stack = defineOp("torch.column_stack", ["tensors", "out=None"], (a, c) => {
  const ts = tensorList(a.get("tensors"), "torch.column_stack(tensors)").map((t) => (t.shape.length <= 1 ? shapes.viewAs(t, [numel(t.shape), 1]) : t));
  return shapes.cat(ts, 1, c);
});
f.split = defineOp("torch.split", ["tensor", "split_size_or_sections", "dim=0"], (a) => {
  const input = tensorArg(a, "tensor", "split");
  const s = a.get("split_size_or_sections");
  const parts = shapes.split(input, s.kind === "list" || s.kind === "tuple" ? toInts(s, "split sections") : toInt(s, "split_size"), a.int("dim"));
  // a split of a known 1-D tensor keeps each part's values
  const values = input.shape.length === 1 ? valuesOf(input) : undefined;
  if (values) {
    let at = 0;
    for (const p of parts) {
      withValues(p, values.slice(at, at + p.shape[0]));
      at += p.shape[0];
    }
  }
  return tuple(parts);
});
f.chunk = defineOp("torch.chunk", ["input", "chunks", "dim=0"], (a) => tuple(shapes.chunk(tensorArg(a, "input", "chunk"), a.int("chunks"), a.int("dim"))));
f.tensor_split = defineOp("torch.tensor_split", ["input", "indices_or_sections", "dim=0"], (a) => {
  const s = a.get("indices_or_sections");
  if (s.kind !== "int") throw new Unresolved("tensor_split with explicit indices is not modelled");
  return tuple(shapes.tensorSplit(tensorArg(a, "input", "tensor_split"), s.value, a.int("dim")));
});
f.unbind = defineOp("torch.unbind", ["input", "dim=0"], (a) => tuple(shapes.unbind(tensorArg(a, "input", "unbind"), a.int("dim"))));
f.flatten = defineOp("torch.flatten", ["input", "start_dim=0", "end_dim=-1"], (a, c) => shapes.flatten(tensorArg(a, "input", "flatten"), a.int("start_dim"), a.int("end_dim"), c));
f.unflatten = defineOp("torch.unflatten", ["input", "dim", "sizes"], (a) => shapes.unflatten(tensorArg(a, "input", "unflatten"), a.int("dim"), toInts(a.get("sizes"), "unflatten(sizes)")));
// The function form on data the analyzer cannot see gives the asked shape, as the method form does (unknown-reshape.ts).
f.reshape = defineOp("torch.reshape", ["input", "shape"], (a, c) => (a.get("input").kind === "unknown" ? reshapedUnknown(a.get("shape")) : undefined) ?? shapes.reshape(tensorArg(a, "input", "reshape"), toInts(a.get("shape"), "reshape(shape)"), c));
f.squeeze = defineOp("torch.squeeze", ["input", "dim=None"], (a) => {
  const input = tensorArg(a, "input", "squeeze");
  return shapes.squeeze(input, a.isNone("dim") ? undefined : toInts(a.get("dim"), "squeeze(dim)"));
});
f.unsqueeze = defineOp("torch.unsqueeze", ["input", "dim"], (a) => shapes.unsqueeze(tensorArg(a, "input", "unsqueeze"), a.int("dim")));
for (const name of ["transpose", "swapaxes", "swapdims"]) {
  const [d0, d1] = name === "swapaxes" ? ["axis0", "axis1"] : ["dim0", "dim1"];
  f[name] = defineOp(`torch.${name}`, ["input", d0, d1], (a) => shapes.transpose(tensorArg(a, "input", name), a.int(d0), a.int(d1)));
}
f.permute = defineOp("torch.permute", ["input", "dims"], (a) => shapes.permute(tensorArg(a, "input", "permute"), toInts(a.get("dims"), "permute(dims)")));
for (const name of ["movedim", "moveaxis"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "source", "destination"], (a) => shapes.movedim(tensorArg(a, "input", name), toInts(a.get("source"), "source"), toInts(a.get("destination"), "destination")));
}
f.t = defineOp("torch.t", ["input"], (a) => {
  const input = tensorArg(a, "input", "t");
  if (input.shape.length > 2) throw new PythonError(`t() expects a tensor with <= 2 dimensions, but self is ${input.shape.length}D`);
  return input.shape.length < 2 ? input : shapes.transpose(input, 0, 1);
});
f.narrow = defineOp("torch.narrow", ["input", "dim", "start", "length"], (a) => shapes.narrow(tensorArg(a, "input", "narrow"), a.int("dim"), a.int("start"), a.int("length")));
f.select = defineOp("torch.select", ["input", "dim", "index"], (a) => shapes.select(tensorArg(a, "input", "select"), a.int("dim"), a.int("index")));
f.gather = defineOp("torch.gather", ["input", "dim", "index", "sparse_grad=False", "out=None"], (a, c) => shapes.gather(tensorArg(a, "input", "gather"), a.int("dim"), tensorArg(a, "index", "gather"), c));
f.take_along_dim = defineOp("torch.take_along_dim", ["input", "indices", "dim=None", "out=None"], (a, c) => {
  const input = tensorArg(a, "input", "take_along_dim");
  const indices = tensorArg(a, "indices", "take_along_dim");
  if (a.isNone("dim")) return emit(c, "aten.take_along_dim", 0, [numel(indices.shape)], input.dtype);
  // Input and indices broadcast in every dim but `dim`, which takes the indices' length.
  const d = normalizeDim(a.int("dim"), input.shape.length);
  const shape = input.shape.map((x, i) => (i === d ? indices.shape[i] : Math.max(x, indices.shape[i] ?? 1)));
  return emit(c, "aten.take_along_dim", 0, shape, input.dtype);
});
for (const name of ["scatter", "scatter_add", "scatter_reduce", "index_add", "index_copy", "index_fill", "masked_scatter", "index_put"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "*rest", "reduce=None", "alpha=1", "include_self=True", "accumulate=False"], (a, c) => shapes.sameShape(name, tensorArg(a, "input", name), c));
}
f.index_select = defineOp("torch.index_select", ["input", "dim", "index", "out=None"], (a, c) => shapes.indexSelect(tensorArg(a, "input", "index_select"), a.int("dim"), tensorArg(a, "index", "index_select"), c));
f.roll = defineOp("torch.roll", ["input", "shifts", "dims=None"], (a, c) => shapes.sameShape("roll", tensorArg(a, "input", "roll"), c));
// torch.flip keeps known contents, reversed along dims (timm's NesT: (4 ** torch.arange(levels)).flip(0).tolist()).
f.flip = defineOp("torch.flip", ["input", "dims"], (a, c) => {
  const input = tensorArg(a, "input", "flip");
  const out = shapes.sameShape("flip", input, c);
  const values = valuesOf(input);
  const dims = values ? dimsArg(a, "dims", input.shape.length) : undefined;
  return values && dims ? withValues(out, flipped(values, input.shape, dims)) : out;
});
f.fliplr = defineOp("torch.fliplr", ["input"], (a, c) => shapes.sameShape("flip", tensorArg(a, "input", "fliplr"), c));
f.flipud = f.fliplr;
f.rot90 = defineOp("torch.rot90", ["input", "k=1", "dims=(0, 1)"], (a, c) => {
  const input = tensorArg(a, "input", "rot90");
  const [d0, d1] = toInts(a.get("dims"), "rot90 dims").map((d) => normalizeDim(d, input.shape.length));
  const k = ((a.int("k") % 4) + 4) % 4;
  const shape = [...input.shape];
  if (k % 2 === 1) [shape[d0], shape[d1]] = [shape[d1], shape[d0]];
  return emit(c, "aten.rot90", 0, shape, input.dtype);
});
for (const name of ["tril", "triu"]) {
  f[name] = defineOp(`torch.${name}`, ["input", "diagonal=0", "out=None"], (a, c) => {
    const input = tensorArg(a, "input", name);
    if (input.shape.length < 2) throw new PythonError(`${name}: input tensor must have at least 2 dimensions`);
    return shapes.sameShape(name, input, c);
  });
}
f.repeat_interleave = defineOp("torch.repeat_interleave", ["input", "repeats=None", "dim=None", "output_size=None"], (a, c) => {
  const input = tensorArg(a, "input", "repeat_interleave");
  const repeats = a.get("repeats");
  if (repeats.kind === "tensor") throw new Unresolved("repeat_interleave with a tensor of repeats has a data-dependent size");
  return shapes.repeatInterleave(input, toInt(repeats, "repeats"), optionalInt(a, "dim"), c);
});
f.tile = defineOp("torch.tile", ["input", "dims"], (a, c) => shapes.tile(tensorArg(a, "input", "tile"), toInts(a.get("dims"), "tile(dims)"), c));
f.diagonal = defineOp("torch.diagonal", ["input", "offset=0", "dim1=0", "dim2=1"], (a) => shapes.diagonal(tensorArg(a, "input", "diagonal"), a.int("offset"), a.int("dim1"), a.int("dim2")));
f.diag = defineOp("torch.diag", ["input", "diagonal=0", "out=None"], (a, c) => {
  const input = tensorArg(a, "input", "diag");
  const k = Math.abs(a.int("diagonal"));
  if (input.shape.length === 1) return emit(c, "aten.diag_embed", 0, [input.shape[0] + k, input.shape[0] + k], input.dtype);
  if (input.shape.length === 2) return emit(c, "aten.diagonal_copy", 0, [shapes.diagonal(input, a.int("diagonal"), 0, 1).shape[0]], input.dtype);
  throw new PythonError("diag(): Supports 1D or 2D tensors");
});
f.diag_embed = defineOp("torch.diag_embed", ["input", "offset=0", "dim1=-2", "dim2=-1"], (a, c) => {
  const input = tensorArg(a, "input", "diag_embed");
  const n = input.shape[input.shape.length - 1] + Math.abs(a.int("offset"));
  return emit(c, "aten.diag_embed", 0, [...input.shape.slice(0, -1), n, n], input.dtype);
});
f.broadcast_to = defineOp("torch.broadcast_to", ["input", "size"], (a) => shapes.broadcastTo(tensorArg(a, "input", "broadcast_to"), toInts(a.get("size"), "broadcast_to(size)")));
f.broadcast_tensors = defineOp("torch.broadcast_tensors", ["*tensors"], (a) => {
  const ts = tensorList(a.get("tensors"), "broadcast_tensors");
  const shape = ts.length ? elementwiseShape(ts) : [];
  return tuple(ts.map((t) => shapes.expand(t, shape)));
});
function elementwiseShape(ts: TensorValue[]): number[] {
  return ts.reduce<number[]>((s, t) => {
    const rank = Math.max(s.length, t.shape.length);
    return Array.from({ length: rank }, (_, i) => {
      const x = s[s.length - rank + i] ?? 1;
      const y = t.shape[t.shape.length - rank + i] ?? 1;
      if (x !== 1 && y !== 1 && x !== y) throw new PythonError(`shape mismatch: objects cannot be broadcast to a single shape ([${s.join(", ")}] vs [${t.shape.join(", ")}])`);
      return x === 1 ? y : x;
    });
  }, []);
}
f.broadcast_shapes = defineOp("torch.broadcast_shapes", ["*shapes"], (a) => {
  const items = (a.get("shapes") as { items: Value[] }).items;
  const shape = elementwiseShape(items.map((s) => ({ kind: "tensor", shape: toInts(s, "broadcast_shapes"), dtype: "float32" })));
  return { kind: "tuple", items: shape.map(int), isSize: true };
});
f.meshgrid = defineOp("torch.meshgrid", ["*tensors", "indexing=None"], (a, c) => {
  let items = (a.get("tensors") as { items: Value[] }).items;
  if (items.length === 1 && (items[0].kind === "list" || items[0].kind === "tuple")) items = items[0].items;
  const ts = items.map((t, i) => toTensor(t, `meshgrid tensor ${i}`));
  const sizes = ts.map((t) => numel(t.shape));
  const xy = !a.isNone("indexing") && a.str("indexing") === "xy";
  if (xy && sizes.length >= 2) [sizes[0], sizes[1]] = [sizes[1], sizes[0]];
  return tuple(ts.map((t) => {
    c.addFlops(0, "aten.expand");
    return { kind: "tensor", shape: [...sizes], dtype: t.dtype } as TensorValue;
  }));
});
for (const [name, rank] of [["atleast_1d", 1], ["atleast_2d", 2], ["atleast_3d", 3]] as const) {
  f[name] = defineOp(`torch.${name}`, ["*tensors"], (a) => {
    const items = (a.get("tensors") as { items: Value[] }).items;
    const grow = (t: TensorValue) => (t.shape.length >= rank ? t : shapes.viewAs(t, [...Array(rank - t.shape.length).fill(1), ...t.shape] as number[]));
    if (items.length === 1 && items[0].kind === "tensor") return grow(items[0]);
    return tuple(items.map((t, i) => grow(toTensor(t, `${name} tensor ${i}`))));
  });
}
f.clone = defineOp("torch.clone", ["input", "memory_format=None"], (a, c) => shapes.sameShape("clone", tensorArg(a, "input", "clone"), c));
f.detach = defineOp("torch.detach", ["input"], (a) => shapes.alias(tensorArg(a, "input", "detach")));
f.numel = defineOp("torch.numel", ["input"], (a) => int(numel(tensorArg(a, "input", "numel").shape)));
f.view_as_complex = viewAsComplex;
f.view_as_real = viewAsReal;
f.polar = polar;
f.complex = complexFromParts;
// torch._assert(condition, message): a traceable assert that model libraries call in forward; it computes nothing.
f._assert = defineOp("torch._assert", ["condition", "message"], () => ({ kind: "none" }));
f.is_tensor = defineOp("torch.is_tensor", ["obj"], (a) => ({ kind: "bool", value: a.get("obj").kind === "tensor" }));
f.is_floating_point = defineOp("torch.is_floating_point", ["input"], (a) => ({ kind: "bool", value: ["float16", "bfloat16", "float32", "float64"].includes(tensorArg(a, "input", "is_floating_point").dtype) }));
f.result_type = defineOp("torch.result_type", ["tensor1", "tensor2"], (a) => ({ kind: "dtype", name: resultDtype([a.get("tensor1"), a.get("tensor2")]) }));

// torch.diff along the last dim (n=1): the contents too when known (RegNet's stage depths from split points).
f.diff = defineOp("torch.diff", ["input", "n=1", "dim=-1", "prepend=None", "append=None"], (a, c) => {
  const input = tensorArg(a, "input", "diff");
  if (input.shape.length === 0) throw new PythonError("diff expects input to be at least one-dimensional");
  const dim = normalizeDim(a.int("dim"), input.shape.length);
  const n = a.int("n");
  const extra = (name: string) => (a.isNone(name) ? 0 : (a.get(name) as TensorValue).shape?.[dim] ?? 1);
  const shape = input.shape.map((d, i) => (i === dim ? Math.max(0, d + extra("prepend") + extra("append") - n) : d));
  const out = emit(c, "aten.diff", 0, shape, input.dtype);
  const values = input.shape.length === 1 && n === 1 && a.isNone("prepend") && a.isNone("append") ? valuesOf(input) : undefined;
  return values ? withValues(out, values.slice(1).map((x, i) => x - values[i])) : out;
});

/** torch.* functions by short name (without the "torch." prefix). */
export const TORCH_FUNCTIONS: Readonly<Record<string, OpImpl>> = f;

/** Float constants under torch (torch.pi, torch.e, torch.inf, torch.nan). */
export const TORCH_FLOAT_CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, inf: Infinity, nan: NaN };

