// Unsloth's loaders (`FastLanguageModel.from_pretrained`, `FastModel`, `FastVisionModel`, ...) choose the weights'
// dtype themselves: `dtype=None`, the default, is bfloat16 where the GPU supports it and float16 where it does not,
// and bfloat16 asked of a GPU without it becomes float16 (unsloth/models/llama.py, FastLlamaModel.from_pretrained:
// `if dtype is None: dtype = torch.float16 if not SUPPORTS_BFLOAT16 else torch.bfloat16`; unsloth 2025.x). A model
// loaded in 4 bits computes in that same dtype (its BitsAndBytesConfig's `bnb_4bit_compute_dtype = dtype`).
// SUPPORTS_BFLOAT16 is `torch.cuda.get_device_capability()[0] >= 8` (unsloth/models/_utils.py), which
// `unsloth.is_bfloat16_supported()` returns (interp/unsloth-package.ts).
import type { Statement } from "../python/ast";
import { importedPath } from "../python/import-origin";
import { UNSLOTH_BF16_MAJOR } from "../interp/unsloth-package";
import type { Value } from "../interp/values";
import { HALF_DTYPES, type HalfPrecision } from "./framework-precision";

/** Whether a callee is an Unsloth loader's from_pretrained by the file's imports (`from unsloth import FastModel`). */
export function isUnslothLoader(callee: string, body: Statement[]): boolean {
  return /^unsloth\.(\w+\.)*Fast\w*Model\.from_pretrained$/.test(importedPath(callee, body) ?? "");
}

/** The 16-bit dtype an Unsloth loader gives the weights for its `dtype` argument (undefined: not written) on a GPU of
 *  this compute capability; undefined for float32, a value the analysis cannot read, or no CUDA GPU (unsloth needs one). */
export function unslothLoadPrecision(dtype: Value | undefined, capability: readonly number[] | undefined): HalfPrecision | undefined {
  if (!capability) return undefined;
  const bf16 = (capability[0] ?? 0) >= UNSLOTH_BF16_MAJOR;
  if (dtype === undefined || dtype.kind === "none") return bf16 ? "bf16" : "fp16";
  const named = dtype.kind === "dtype" ? HALF_DTYPES[dtype.name] : undefined;
  return named === "bf16" && !bf16 ? "fp16" : named;
}
