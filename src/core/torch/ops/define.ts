// The small vocabulary every op file shares: binding a Python signature and emitting an op's output tensor.
import { bindArguments, tensor } from "../../interp/construct";
import { bindPublished } from "../../signatures/published";
import { valuesOf, withValues } from "../known-values";
import type { BoundArguments, NativeCall, OpContext, TensorDtype, TensorValue, Value } from "../../interp/values";

/** A native torch callable as the interpreter calls it. */
export type OpImpl = (call: NativeCall) => Value;

const signatures = new WeakMap<OpImpl, string[]>();

/** The qualified name an op's published signature is filed under: F.conv2d is torch.nn.functional.conv2d. */
export function publishedName(name: string): string {
  if (name.startsWith("F.")) return `torch.nn.functional.${name.slice(2)}`;
  if (name.startsWith("Tensor.")) return `torch.${name}`;
  return name;
}

/**
 * Defines an op from the names its body reads (a Python-style signature) and a body. Calls first bind against the
 * library's published signature (src/core/signatures), so every keyword form torch accepts reaches the body.
 */
export function defineOp(name: string, signature: string[], body: (args: BoundArguments, context: OpContext) => Value): OpImpl {
  const qualified = publishedName(name);
  const op: OpImpl = (call) => {
    const { args, kwargs } = bindPublished(qualified, signature, call.args, call.kwargs);
    return body(bindArguments(signature, args, kwargs, name), call.context);
  };
  signatures.set(op, signature);
  return op;
}

/** The parameter names an op defined by defineOp reads. */
export function opSignature(op: OpImpl): string[] | undefined {
  return signatures.get(op);
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
  // A dense view of as many elements keeps their row-major order: known contents carry over
  // (`np.arange(64).reshape(8, 8).tolist()` builds a zigzag scan order at construction).
  else {
    const values = valuesOf(source);
    if (values && values.length === shape.reduce((a, b) => a * b, 1)) withValues(out, values);
  }
  return out;
}

/** True when the tensor is a strided view that a copy would make dense. */
export function isNonContiguous(t: TensorValue): boolean {
  return nonContiguous.has(t);
}
