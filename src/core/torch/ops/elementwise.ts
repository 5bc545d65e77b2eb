// Element-wise ops: output shape by broadcasting, dtype by promotion, 0 FLOPs (flop_counter.py counts none of them).
import { PythonError, Unresolved, type OpContext, type TensorDtype, type TensorValue, type Value, UnknownInput } from "../../interp/values";
import { isFloating, promoteTypes, promoteWithScalar } from "../dtypes";
import { broadcastShapes } from "../shapes";
import { emit } from "./define";
import { propagateValues } from "../known-values";
import { compared } from "../routing";

/** How an element-wise op picks its result dtype. */
export type ResultKind = "promote" | "bool" | "float" | "same";

/** Shape and dtype of an operand: tensors as they are, Python numbers as 0-d. */
function operand(v: Value, what: string): { shape: number[]; dtype?: TensorDtype; scalar?: Value } {
  if (v.kind === "tensor") return { shape: v.shape, dtype: v.dtype };
  if (v.kind === "int" || v.kind === "float" || v.kind === "bool") return { shape: [], scalar: v };
  if (v.kind === "unknown") throw new UnknownInput(v);
  if (v.kind === "tuple" || v.kind === "list") throw new Unresolved(`${what}: a ${v.kind} operand is not modelled as a tensor`);
  throw new PythonError(`unsupported operand type for ${what}: ${v.kind}`);
}

/** The dtype of combining operands (tensors promote; Python scalars only lift int to float). */
export function resultDtype(values: Value[]): TensorDtype {
  let dtype: TensorDtype | undefined;
  for (const v of values) if (v.kind === "tensor") dtype = dtype === undefined ? v.dtype : promoteTypes(dtype, v.dtype);
  if (dtype === undefined) {
    // All scalars (torch.add(2, 3.0) is rare): a float if any is a float.
    return values.some((v) => v.kind === "float") ? "float32" : "int64";
  }
  for (const v of values) if (v.kind !== "tensor") dtype = promoteWithScalar(dtype, v);
  return dtype;
}

/** Applies a result kind to a promoted dtype. */
function finalDtype(kind: ResultKind, promoted: TensorDtype, first: TensorDtype): TensorDtype {
  if (kind === "bool") return "bool";
  if (kind === "float") return isFloating(promoted) ? promoted : "float32";
  if (kind === "same") return first;
  return promoted;
}

/** An element-wise op over any number of tensor/scalar operands, broadcast together; one 0-FLOP kernel. */
export function elementwise(op: string, operands: Value[], context: OpContext, kind: ResultKind = "promote"): TensorValue {
  const parts = operands.map((v, i) => operand(v, `${op} operand ${i + 1}`));
  const shape = broadcastShapes(...parts.map((p) => p.shape));
  const promoted = resultDtype(operands);
  const first = parts.find((p) => p.dtype)?.dtype ?? promoted;
  return compared(op, operands, propagateValues(op, operands, emit(context, `aten.${op}`, 0, shape, finalDtype(kind, promoted, first))));
}

/**
 * The in-place form (x.add_(y), relu_): writes into self, so the broadcast result must keep self's shape.
 * Returns self itself, as torch does.
 */
export function elementwiseInPlace(op: string, self: TensorValue, others: Value[], context: OpContext): TensorValue {
  const shape = broadcastShapes(self.shape, ...others.map((v, i) => operand(v, `${op} operand ${i + 2}`).shape));
  if (shape.length !== self.shape.length || shape.some((d, i) => d !== self.shape[i])) {
    throw new PythonError(`output with shape [${self.shape.join(", ")}] doesn't match the broadcast shape [${shape.join(", ")}]`);
  }
  context.addFlops(0, `aten.${op}_`);
  return self;
}

/** A unary element-wise op on one tensor. */
export function unary(op: string, input: TensorValue, context: OpContext, kind: ResultKind = "same"): TensorValue {
  return propagateValues(op, [input], emit(context, `aten.${op}`, 0, input.shape, finalDtype(kind, input.dtype, input.dtype)));
}

/** Unary ops whose result is floating even for integer input (torch promotes ints to the default float). */
export const FLOAT_UNARY = [
  "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "rsqrt", "sin", "cos", "tan", "asin", "acos", "atan",
  "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "sigmoid", "erf", "erfc", "erfinv", "lgamma", "digamma", "reciprocal",
  "logit", "sinc", "i0", "angle",
];

/** Unary ops that keep the input dtype. */
export const SAME_UNARY = [
  "abs", "neg", "negative", "sign", "sgn", "floor", "ceil", "round", "trunc", "frac", "relu", "square", "positive",
  "bitwise_not", "conj", "fix", "nan_to_num", "clone", "detach_copy",
];

/** Unary predicates returning bool tensors. */
export const BOOL_UNARY = ["isnan", "isinf", "isfinite", "isposinf", "isneginf", "logical_not", "signbit", "isreal"];

/** Binary element-wise ops and their result kinds (the Tensor method and torch.X share names). */
export const BINARY_OPS: Record<string, ResultKind> = {
  add: "promote", sub: "promote", subtract: "promote", mul: "promote", multiply: "promote",
  div: "float", divide: "float", true_divide: "float", floor_divide: "promote", remainder: "promote", fmod: "promote",
  pow: "promote", float_power: "promote", atan2: "float", arctan2: "float", maximum: "promote", minimum: "promote",
  fmax: "promote", fmin: "promote", hypot: "float", copysign: "float", xlogy: "float", logaddexp: "float", logaddexp2: "float",
  eq: "bool", ne: "bool", lt: "bool", le: "bool", gt: "bool", ge: "bool", greater: "bool", less: "bool",
  greater_equal: "bool", less_equal: "bool", not_equal: "bool", isclose: "bool",
  logical_and: "bool", logical_or: "bool", logical_xor: "bool",
  bitwise_and: "promote", bitwise_or: "promote", bitwise_xor: "promote", bitwise_left_shift: "promote", bitwise_right_shift: "promote",
  heaviside: "promote", nextafter: "promote",
};
