// The TrainingArguments object a Hugging Face trainer is given (`Trainer(model=model, args=training_args)`), as the
// interpreter built it: from HfArgumentParser's dataclass defaults, a JSON or YAML file of arguments
// (`parser.parse_json_file(json_file=args.train_args_file)`), or a call's keywords. Its fields are the run's
// (huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments).
import type { Value } from "../interp/values";

/** The run's figures a TrainingArguments object holds (each only where it is a known, usable value). */
export interface TrainerArgsFigures {
  epochs?: number;
  batch?: number;
  accumulation?: number;
  /** max_steps > 0: the run's length whatever the epochs say. */
  steps?: number;
  precision?: "bf16" | "fp16";
}

/** Whether a value is a TrainingArguments object: transformers' class (or the stand-in's) or a subclass of it. */
export function isTrainingArguments(v: Value | undefined): v is Extract<Value, { kind: "instance" }> {
  // The class's file says whose it is: transformers' (installed, or the built-in stand-in), not a script's own.
  return v?.kind === "instance" && v.cls.mro.some((c) => c.name === "TrainingArguments" && /(^|\/)transformers\/[\w/]*\.py$/.test(c.location?.file ?? ""));
}

const whole = (v: Value | undefined): number | undefined =>
  (v?.kind === "int" || v?.kind === "float") && Number.isInteger(v.value) && v.value > 0 ? v.value : undefined;

/** The figures of a TrainingArguments object; nothing for any other value. */
export function trainerArgsFigures(v: Value | undefined): TrainerArgsFigures {
  if (!isTrainingArguments(v)) return {};
  const get = (name: string) => v.attributes.get(name);
  const on = (name: string) => get(name)?.kind === "bool" && (get(name) as { value: boolean }).value;
  // bf16 and fp16 are exclusive in transformers (it raises when both are set); bf16 is checked first as it does.
  const precision = on("bf16") ? "bf16" : on("fp16") ? "fp16" : undefined;
  return {
    epochs: whole(get("num_train_epochs")),
    batch: whole(get("per_device_train_batch_size")),
    accumulation: whole(get("gradient_accumulation_steps")),
    steps: whole(get("max_steps")),
    ...(precision ? { precision } : {}),
  };
}
