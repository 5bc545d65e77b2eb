// DeepSpeed owns the step when the code hands it a config (deepspeed.ai/docs/config-json, DeepSpeed 0.14):
// train_batch_size = train_micro_batch_size_per_gpu × gradient_accumulation_steps × GPUs, any two giving the third
// (only train_batch_size: accumulation 1); `"fp16": {"enabled": true}` trains in mixed fp16, `"bf16"` (or its older
// name `"bfloat16"`) in bf16, neither in fp32. `deepspeed.initialize(..., training_data=ds, config=cfg)` returns
// (engine, optimizer, training_dataloader, lr_scheduler): the loader batches `ds` at the micro-batch
// (deepspeed.readthedocs.io "Training API": deepspeed.initialize).
import type { Value } from "../interp/values";
import { dictEntry } from "../interp/value-figures";

/** What a DeepSpeed config sets for one process: its micro-batch, its accumulation and its precision. */
export interface DeepSpeedRun {
  micro?: number;
  accumulation?: number;
  /** Undefined where an entry cannot be read ("auto", a value the analyzer does not know). */
  precision?: "fp16" | "bf16" | "fp32";
  /** The micro-batch follows from train_batch_size, the whole job's batch: on N processes each loads 1/N of it. */
  fromTotal?: boolean;
  /** How each figure follows from the config's keys. */
  detail: { micro?: string; accumulation?: string; precision?: string };
}

const positive = (v: Value | undefined): number | undefined => (v?.kind === "int" && v.value > 0 ? v.value : undefined);

/** Whether a call is DeepSpeed's entry point (`deepspeed.initialize(...)`). */
export function isDeepSpeedInitialize(callee: string): boolean {
  return /(^|\.)deepspeed\.initialize$/.test(callee);
}

/** The run a DeepSpeed config dict sets on `gpus` processes (one in the plain run); undefined when it is no dict. */
export function deepSpeedRun(config: Value | undefined, gpus: number): DeepSpeedRun | undefined {
  if (config?.kind !== "dict") return undefined;
  const total = positive(dictEntry(config, "train_batch_size"));
  const micro = positive(dictEntry(config, "train_micro_batch_size_per_gpu"));
  const given = positive(dictEntry(config, "gradient_accumulation_steps"));
  const run: DeepSpeedRun = { detail: {} };
  if (micro !== undefined) {
    run.micro = micro;
    run.detail.micro = `train_micro_batch_size_per_gpu: ${micro}`;
    const accumulation = given ?? (total !== undefined && total % (micro * gpus) === 0 ? total / (micro * gpus) : total === undefined ? 1 : undefined);
    if (accumulation !== undefined) {
      run.accumulation = accumulation;
      run.detail.accumulation = given !== undefined ? `gradient_accumulation_steps: ${given}` : total !== undefined ? `train_batch_size ${total} / (micro-batch ${micro} × ${gpus} GPU)` : "no gradient_accumulation_steps: 1";
    }
  } else if (total !== undefined && (given ?? 1) * gpus > 0 && total % ((given ?? 1) * gpus) === 0) {
    run.micro = total / ((given ?? 1) * gpus);
    run.accumulation = given ?? 1;
    run.fromTotal = true;
    run.detail.micro = `train_batch_size ${total} / (gradient_accumulation_steps ${given ?? 1} × ${gpus} GPU)`;
    run.detail.accumulation = given !== undefined ? `gradient_accumulation_steps: ${given}` : "no gradient_accumulation_steps: 1";
  }
  const enabled = (key: string): boolean | undefined => {
    const block = dictEntry(config, key);
    if (block === undefined || block.kind === "none") return false;
    const on = dictEntry(block, "enabled");
    // A block without "enabled" is off (DeepSpeed's default for both is false); "auto" or an unknown is unread.
    if (block.kind === "dict" && on === undefined) return false;
    return on?.kind === "bool" ? on.value : undefined;
  };
  const fp16 = enabled("fp16");
  const bf16 = enabled("bf16") === true || enabled("bfloat16") === true ? true : enabled("bf16") === undefined || enabled("bfloat16") === undefined ? undefined : false;
  if (fp16 === true) run.precision = "fp16";
  else if (bf16 === true) run.precision = "bf16";
  else if (fp16 === false && bf16 === false) run.precision = "fp32";
  if (run.precision) run.detail.precision = run.precision === "fp32" ? "neither fp16 nor bf16 enabled: fp32" : `"${run.precision === "fp16" ? "fp16" : dictEntry(config, "bf16") !== undefined ? "bf16" : "bfloat16"}": {"enabled": true}`;
  return run;
}
