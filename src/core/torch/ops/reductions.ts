// Reductions (sum, mean, max, ...): output shape from dim/keepdim; 0 FLOPs under flop_counter.py.
import { tuple } from "../../interp/construct";
import { PythonError, type OpContext, type TensorDtype, type TensorValue, type Value } from "../../interp/values";
import { isFloating } from "../dtypes";
import { normalizeDim, reducedShape } from "../shapes";
import { emit } from "./define";
import { reducedValues } from "../known-values";
import { markPicks, reducedCounts, sameElements } from "../routing";

/** A reduction over dims (all when undefined) with one output. */
export function reduce(op: string, input: TensorValue, dims: number[] | undefined, keepdim: boolean, context: OpContext, dtype: TensorDtype = input.dtype): TensorValue {
  const out = emit(context, `aten.${op}`, 0, reducedShape(input.shape, dims, keepdim), dtype);
  // a whole small tensor of known contents reduces to a known number (transformers' `mask.sum() == mask.numel()`)
  if (dims === undefined || dims.length === input.shape.length) return reducedCounts(op, input, dims, reducedValues(op, input, out), context);
  // argmax over a dim of unknown scores picks one candidate per row (top-1 routing)
  if ((op === "argmax" || op === "argmin") && dims.length === 1) return markPicks(out, input, input.shape[normalizeDim(dims[0], input.shape.length)]);
  return reducedCounts(op, input, dims, out, context);
}

/** Dtype of a mean-like reduction: floating input required, as torch.mean demands. */
export function meanDtype(input: TensorValue, op: string, dtype?: TensorDtype): TensorDtype {
  const d = dtype ?? input.dtype;
  if (!isFloating(d)) throw new PythonError(`${op}(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${d}`);
  return d;
}

/** Dtype of sum/prod: integer and bool inputs accumulate as int64. */
export function sumDtype(input: TensorValue, dtype?: TensorDtype): TensorDtype {
  if (dtype) return dtype;
  return isFloating(input.dtype) ? input.dtype : "int64";
}

/**
 * torch.return_types.* results: a (values, indices) tuple that also names its fields, so an interpreter can serve
 * `.values` / `.indices` (the field names ride on the tuple object; the Value model has no named tuple).
 */
export function valuesIndicesTuple(values: TensorValue, indices: TensorValue): Value {
  return Object.assign(tuple([values, indices]), { fields: ["values", "indices"] });
}

/** max/min/median/mode/kthvalue with a dim: (values, indices), one kernel. */
export function valuesAndIndices(op: string, input: TensorValue, dim: number, keepdim: boolean, context: OpContext): Value {
  const d = normalizeDim(dim, input.shape.length);
  const shape = reducedShape(input.shape, [d], keepdim);
  emit(context, `aten.${op}`, 0, shape, input.dtype);
  const indices: TensorValue = { kind: "tensor", shape: [...shape], dtype: "int64" };
  // the index of the largest of unknown scores is a router's pick (top-1 routing)
  if (op === "max" || op === "min") markPicks(indices, input, input.shape[d]);
  return valuesIndicesTuple({ kind: "tensor", shape, dtype: input.dtype }, indices);
}

/** topk / sort: (values, indices) with dim resized to k (sort keeps it). */
export function topk(op: string, input: TensorValue, k: number, dim: number, context: OpContext): Value {
  const d = normalizeDim(dim, input.shape.length);
  const length = input.shape.length === 0 ? 1 : input.shape[d];
  if (k < 0 || k > length) throw new PythonError(`${op}: selected index k=${k} out of range for dimension of size ${length}`);
  const shape = input.shape.length === 0 ? [] : input.shape.map((x, i) => (i === d ? k : x));
  emit(context, `aten.${op}`, 0, shape, input.dtype);
  const values: TensorValue = { kind: "tensor", shape, dtype: input.dtype };
  const indices: TensorValue = { kind: "tensor", shape: [...shape], dtype: "int64" };
  // the indices of the k largest of unknown scores are a router's picks; sorting picks keeps them picks
  if (op === "topk" && input.shape.length > 0) markPicks(indices, input, length);
  if (op === "sort") sameElements(input, values);
  return valuesIndicesTuple(values, indices);
}
