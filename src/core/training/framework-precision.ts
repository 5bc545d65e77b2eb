// The precision switches of training frameworks and of PyTorch's dtypes, as their documentation names the values.
import { knownTruth as truth } from "./evaluate-site";
import type { Value } from "../interp/values";

export type HalfPrecision = "bf16" | "fp16";

/** torch dtypes of 16 bits by the attribute that names them (`torch.bfloat16`, `torch.float16`, `torch.half`). */
export const HALF_DTYPES: Record<string, HalfPrecision> = { bfloat16: "bf16", float16: "fp16", half: "fp16" };

/** Lightning's precision values (lightning.ai/docs/pytorch/stable/common/precision_basic.html): 16, "16-mixed",
 *  "bf16-mixed", "bf16-true" ...; 32 and 64 are full precision. */
export function lightningPrecision(v: Value | undefined): HalfPrecision | undefined {
  const text = v?.kind === "str" ? v.value : v?.kind === "int" ? String(v.value) : undefined;
  return text === undefined ? undefined : /^bf16/.test(text) ? "bf16" : /^16/.test(text) ? "fp16" : undefined;
}

/** keras.io/api/mixed_precision/policy: "mixed_float16", "mixed_bfloat16" (compute in 16 bits, variables in fp32). */
export function kerasPolicy(v: Value | undefined): HalfPrecision | undefined {
  // A `mixed_precision.Policy("mixed_float16")` object set as the policy is known by its name.
  const name = v?.kind === "namespace" && v.name === "Policy" ? v.scope.names.get("name") : v;
  return name?.kind === "str" ? (name.value === "mixed_bfloat16" ? "bf16" : name.value === "mixed_float16" ? "fp16" : undefined) : undefined;
}

const flag = (value: HalfPrecision) => (v: Value | undefined) => (truth(v) === true ? value : undefined);

/** Precision switches by the callee that takes them, and the keyword (or "0": the first argument) that sets it. */
export const FRAMEWORK_PRECISION: Record<string, Record<string, (v: Value | undefined) => HalfPrecision | undefined>> = {
  Trainer: { precision: lightningPrecision },
  Fabric: { precision: lightningPrecision },
  // huggingface.co/docs/accelerate/package_reference/accelerator: mixed_precision "no" | "fp16" | "bf16" | "fp8".
  Accelerator: { mixed_precision: (v) => (v?.kind === "str" && (v.value === "bf16" || v.value === "fp16") ? v.value : undefined) },
  TrainingArguments: { bf16: flag("bf16"), fp16: flag("fp16") },
  set_global_policy: { "0": kerasPolicy },
  // Keras 3's name for it (keras.io/api/mixed_precision/policy: keras.mixed_precision.set_dtype_policy).
  set_dtype_policy: { "0": kerasPolicy },
  set_policy: { "0": kerasPolicy },
  // NVIDIA apex `amp.initialize(model, optimizer, opt_level="O1")` (nvidia.github.io/apex/amp.html): O1 and O2 are
  // mixed precision in fp16, O3 pure fp16; O0 is fp32.
  initialize: { opt_level: (v) => (v?.kind === "str" && /^O[123]$/.test(v.value) ? "fp16" : undefined) },
};
