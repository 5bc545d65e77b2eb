// Contents of small 1-D tensors built from known numbers (torch.linspace / torch.arange), kept beside the tensor by
// identity so the Value model stays shapes-only. Model code reads them back at build time: timm's per-block
// drop-path rates `[x.item() for x in torch.linspace(0, rate, depth)]` decide between DropPath and Identity.
import type { TensorValue } from "../interp/values";

const known = new WeakMap<TensorValue, number[]>();

/** Most elements whose values are kept. */
const LIMIT = 4096;

/** Records a tensor's values (row-major); returns the tensor. */
export function withValues(t: TensorValue, values: number[]): TensorValue {
  const n = t.shape.reduce((a, b) => a * b, 1);
  if (values.length === n && n <= LIMIT && values.every(Number.isFinite)) known.set(t, values);
  return t;
}

/** A tensor's values when they are known. */
export function valuesOf(t: TensorValue): number[] | undefined {
  return known.get(t);
}
