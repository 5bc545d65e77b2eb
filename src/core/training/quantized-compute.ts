// A model loaded with 4-bit bitsandbytes weights (QLoRA: `from_pretrained(name, quantization_config=
// BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_compute_dtype=torch.bfloat16))`) runs its matmuls in the compute
// dtype: each layer dequantizes its weights to it and multiplies there (bitsandbytes Linear4bit; transformers'
// BitsAndBytesConfig docs, "the computational type which might be different than the input type"; its default is
// float32). 8-bit loading (LLM.int8) multiplies in int8 and is not read here.
import type { Value } from "../interp/values";
import { HALF_DTYPES, type HalfPrecision } from "./framework-precision";

/** The 16-bit precision a `quantization_config` value (as the interpreter built it) computes in, or undefined. */
export function quantizedComputePrecision(config: Value | undefined): HalfPrecision | undefined {
  if (config?.kind !== "instance" || !config.cls.mro.some((c) => c.name === "BitsAndBytesConfig")) return undefined;
  const fourBit = config.attributes.get("load_in_4bit");
  if (fourBit?.kind !== "bool" || !fourBit.value) return undefined;
  const dtype = config.attributes.get("bnb_4bit_compute_dtype");
  return dtype?.kind === "dtype" ? HALF_DTYPES[dtype.name] : undefined;
}
