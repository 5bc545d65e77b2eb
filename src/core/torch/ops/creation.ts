// Tensor factories: torch.zeros/ones/randn/arange/tensor/...: shape from arguments, one 0-FLOP kernel each.
import { PythonError, Unresolved, type OpContext, type TensorDtype, type TensorValue, type Value, UnknownInput } from "../../interp/values";
import { emit } from "./define";

/** A factory's output. */
export function factory(op: string, shape: number[], dtype: TensorDtype, context: OpContext): TensorValue {
  if (shape.some((d) => d < 0 || !Number.isInteger(d))) throw new PythonError(`${op}: Trying to create tensor with negative dimension: [${shape.join(", ")}]`);
  return emit(context, `aten.${op}`, 0, shape, dtype);
}

/** torch.arange length: ceil((end - start) / step), as the docs give it. */
export function arangeLength(start: number, end: number, step: number): number {
  if (step === 0) throw new PythonError("arange: step must be nonzero");
  if ((end - start) / step < 0) throw new PythonError("arange: upper bound and larger bound inconsistent with step sign");
  return Math.ceil((end - start) / step);
}

/** Shape and dtype of a nested Python list/tuple literal for torch.tensor(data). */
export function literalShape(data: Value): { shape: number[]; dtype: TensorDtype } {
  if (data.kind === "tensor") return { shape: data.shape, dtype: data.dtype };
  if (data.kind === "int") return { shape: [], dtype: "int64" };
  if (data.kind === "float") return { shape: [], dtype: "float32" };
  if (data.kind === "bool") return { shape: [], dtype: "bool" };
  // A number whose value is not known (random.random()) is still one scalar of the data.
  if (data.kind === "unknown" && data.number) return { shape: [], dtype: "float32" };
  if (data.kind === "unknown") throw new UnknownInput(data);
  if (data.kind === "range") return { shape: [Math.max(0, Math.ceil((data.stop - data.start) / data.step))], dtype: "int64" };
  if (data.kind !== "list" && data.kind !== "tuple") throw new Unresolved(`tensor data of kind ${data.kind} is not modelled`);
  if (data.items.length === 0) return { shape: [0], dtype: "float32" };
  const parts = data.items.map(literalShape);
  const first = parts[0].shape;
  for (const p of parts) {
    if (p.shape.length !== first.length || p.shape.some((d, i) => d !== first[i])) throw new PythonError(`expected sequence of length ${first[0] ?? 0} at dim 1 (got ${p.shape[0] ?? 0})`);
  }
  const rank = (d: TensorDtype) => (d === "bool" ? 0 : d === "int64" ? 1 : d === "float32" ? 2 : 3);
  const dtype = parts.map((p) => p.dtype).reduce((a, b) => (rank(a) >= rank(b) ? a : b));
  return { shape: [data.items.length, ...first], dtype };
}

/**
 * The legacy constructors `torch.Tensor(*sizes)` / `torch.FloatTensor(...)`: ints are a shape (uninitialised memory,
 * as torch.empty), a list or tuple is data, a torch.Size is a shape, a tensor is copied (PyTorch's tensor_new.cpp).
 */
export function legacyTensor(args: Value[], dtype: TensorDtype, context: OpContext): TensorValue {
  const what = "torch.Tensor()";
  if (args.length === 0) return factory("empty", [0], dtype, context);
  for (const a of args) if (a.kind === "unknown") throw new UnknownInput(a);
  if (args.every((a) => a.kind === "int")) return factory("empty", args.map((a) => (a as { value: number }).value), dtype, context);
  if (args.length !== 1) throw new PythonError(`${what} takes sizes as ints, or one sequence or tensor`);
  const [only] = args;
  if (only.kind === "tensor") return emit(context, "aten._to_copy", 0, only.shape, dtype);
  if (only.kind === "tuple" && only.isSize) return factory("empty", only.items.map((x) => (x as { value: number }).value), dtype, context);
  if (only.kind === "list" || only.kind === "tuple") return factory("tensor", literalShape(only).shape, dtype, context);
  throw new PythonError(`${what}: new(): data must be a sequence (got ${only.kind})`);
}
