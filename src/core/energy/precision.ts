import type { ModelReport } from "../report/model-report";

/** The numeric precisions the energy model knows; a run's `dtype` (fp64: `.double()`, a float64 default dtype). */
export const PRECISIONS = ["fp32", "tf32", "bf16", "fp16", "int8", "fp64"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Bytes per element stored at each precision (tf32 is stored as fp32). */
export const BYTES_PER_ELEMENT: Record<Precision, number> = { fp64: 8, fp32: 4, tf32: 4, bf16: 2, fp16: 2, int8: 1 };

/** Whether a precision runs under mixed precision (torch.autocast), which re-casts fp32 weights on each call. */
export function isAutocast(precision: Precision): boolean {
  return precision === "bf16" || precision === "fp16";
}

/** True when `value` names a precision. */
export function isPrecision(value: string): value is Precision {
  return (PRECISIONS as readonly string[]).includes(value);
}

/** The precision a model is estimated at: the one the user chose, else the one its code runs it at (torch.autocast
 *  around its calls, a cast the analysis did not run), else its weights' precision (dtype=, .half(), a checkpoint's
 *  torch_dtype), else fp32. The CLI and the editor both decide through this. */
export function estimatePrecision(model: Pick<ModelReport, "weightsPrecision" | "codePrecision">, chosen: Precision | undefined): Precision {
  return chosen ?? model.codePrecision?.precision ?? model.weightsPrecision ?? "fp32";
}

/** True when a model runs at this precision under torch.autocast (fp32 weights cast on each call), false when its
 *  code cast the weights themselves to it (`.half()`, `from_pretrained(dtype=...)`): then nothing is re-cast. */
export function runsUnderAutocast(model: Pick<ModelReport, "weightsPrecision" | "codePrecision">, precision: Precision): boolean {
  if (!isAutocast(precision)) return false;
  const cast = model.codePrecision && !model.codePrecision.autocast ? model.codePrecision.precision : model.codePrecision?.autocast ? undefined : model.weightsPrecision;
  return cast !== precision;
}
