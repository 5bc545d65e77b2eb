// The small vocabulary every op file shares: binding a Python signature and emitting an op's output tensor.
import { bindArguments, tensor } from "../../interp/construct";
import type { BoundArguments, NativeCall, OpContext, TensorDtype, TensorValue, Value } from "../../interp/values";

/** A native torch callable as the interpreter calls it. */
export type OpImpl = (call: NativeCall) => Value;

/** Defines an op from its Python signature (so keyword calls bind like in torch) and a body. */
export function defineOp(name: string, signature: string[], body: (args: BoundArguments, context: OpContext) => Value): OpImpl {
  return (call) => body(bindArguments(signature, call.args, call.kwargs, name), call.context);
}

/** Records one kernel with its FLOPs and returns its fresh output tensor. */
export function emit(context: OpContext, op: string, flops: number, shape: number[], dtype: TensorDtype): TensorValue {
  context.addFlops(flops, op);
  return tensor(shape, dtype);
}

// Views share storage; tensors produced by transpose/permute/expand/strided slicing are not contiguous, so a later
// .contiguous() or .reshape() copies them (a kernel). Tracked by identity so the Value model stays unchanged.
const nonContiguous = new WeakSet<TensorValue>();

/** A view of `source` with a new shape (no kernel); `contiguous` says whether the view is laid out densely. */
export function view(source: TensorValue, shape: number[], contiguous: boolean): TensorValue {
  const out = tensor(shape, source.dtype);
  if (!contiguous || nonContiguous.has(source)) nonContiguous.add(out);
  return out;
}

/** True when the tensor is a strided view that a copy would make dense. */
export function isNonContiguous(t: TensorValue): boolean {
  return nonContiguous.has(t);
}
