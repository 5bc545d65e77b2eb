// `x[mask] = y[mask2]`: a boolean selection copied straight into a masked write (PyTorch's index_put_).
import type { OpContext, TensorValue, Value } from "../interp/values";
import { nonzeroCount } from "./routing";

const isMask = (v: Value): v is TensorValue => v.kind === "tensor" && (v.dtype === "bool" || v.dtype === "uint8") && v.shape.length > 0;

/** Whether a mask fits the leading dims of the tensor it indexes (else PyTorch raises, and the ordinary path says so). */
function fits(target: Value, mask: Value): boolean {
  return target.kind === "tensor" && mask.kind === "tensor" && mask.shape.length <= target.shape.length && mask.shape.every((d, i) => d === target.shape[i]);
}

/**
 * Whether `target[targetMask] = source[sourceMask]` loses nothing although the selection's size is data: how many
 * elements a boolean mask selects is unknown, but the copy is a gather and an index_put_ (no FLOPs in
 * torch.utils.flop_counter) and the write keeps target's shape (farthest point sampling's
 * `distance[mask] = dist[mask]`). False where the ordinary path knows the count or PyTorch would raise.
 */
export function isDataDependentMaskedCopy(target: Value, targetMask: Value, source: Value, sourceMask: Value, context: OpContext): boolean {
  if (!isMask(targetMask) || !isMask(sourceMask) || !fits(target, targetMask) || !fits(source, sourceMask)) return false;
  return nonzeroCount(sourceMask, context) === undefined;
}
