/** The numeric precisions the energy model knows; a run's `dtype`. */
export const PRECISIONS = ["fp32", "tf32", "bf16", "fp16", "int8"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Bytes per element stored at each precision (tf32 is stored as fp32). */
export const BYTES_PER_ELEMENT: Record<Precision, number> = { fp32: 4, tf32: 4, bf16: 2, fp16: 2, int8: 1 };

/** Whether a precision runs under mixed precision (torch.autocast), which re-casts fp32 weights on each call. */
export function isAutocast(precision: Precision): boolean {
  return precision === "bf16" || precision === "fp16";
}

/** True when `value` names a precision. */
export function isPrecision(value: string): value is Precision {
  return (PRECISIONS as readonly string[]).includes(value);
}

/** The precision a model is estimated at: the one the user chose, else the weights' precision its code sets
 *  (dtype=, .half(), a checkpoint's torch_dtype), else fp32. The CLI and the editor both decide through this. */
export function estimatePrecision(weightsPrecision: Precision | undefined, chosen: Precision | undefined): Precision {
  return chosen ?? weightsPrecision ?? "fp32";
}
