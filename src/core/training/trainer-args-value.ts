// The TrainingArguments object a Hugging Face trainer is given (`Trainer(model=model, args=training_args)`), as the
// interpreter built it: from HfArgumentParser's dataclass defaults, a JSON or YAML file of arguments
// (`parser.parse_json_file(json_file=args.train_args_file)`), or a call's keywords. Its fields are the run's
// (huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments).
import type { ClassValue, InstanceValue, Value } from "../interp/values";

/** One figure of a TrainingArguments object; `defaulted` when it is transformers' own default, not set by the code. */
export interface TrainerArgsFigure {
  value: number;
  defaulted: boolean;
}

/** The run's figures a TrainingArguments object holds (each only where it is a known, usable value). */
export interface TrainerArgsFigures {
  epochs?: TrainerArgsFigure;
  batch?: TrainerArgsFigure;
  accumulation?: TrainerArgsFigure;
  /** max_steps > 0: the run's length whatever the epochs say. */
  steps?: TrainerArgsFigure;
  precision?: "bf16" | "fp16";
}

const TRANSFORMERS_FILE = /(^|\/)transformers\/[\w/]*\.py$/;

/** Whether a value is a TrainingArguments object: transformers' class (or the stand-in's) or a subclass of it. */
export function isTrainingArguments(v: Value | undefined): v is InstanceValue {
  // The class's file says whose it is: transformers' (installed, or the built-in stand-in), not a script's own.
  return v?.kind === "instance" && v.cls.mro.some((c) => c.name === "TrainingArguments" && TRANSFORMERS_FILE.test(c.location?.file ?? ""));
}

/** A field's class-level default as a dataclass reads it (`x: int = 3` or `field(default=3)`). */
function classDefault(cls: ClassValue, name: string): Value | undefined {
  const declared = cls.attributes.get(name);
  return declared?.kind === "instance" && declared.cls.qualifiedName === "dataclasses.Field" ? declared.attributes.get("default") : declared;
}

/** The figures of a TrainingArguments object; nothing for any other value. */
export function trainerArgsFigures(v: Value | undefined): TrainerArgsFigures {
  if (!isTrainingArguments(v)) return {};
  const figure = (name: string): TrainerArgsFigure | undefined => {
    const value = v.attributes.get(name);
    const n = (value?.kind === "int" || value?.kind === "float") && Number.isInteger(value.value) && value.value > 0 ? value.value : undefined;
    if (n === undefined) return undefined;
    // The very value object of the declaring class's default: nobody set it. When that class is transformers',
    // the script left the field at the library's default.
    const declaring = v.cls.mro.find((c) => c.attributes.has(name));
    const defaulted = !!declaring && TRANSFORMERS_FILE.test(declaring.location?.file ?? "") && classDefault(declaring, name) === value;
    return { value: n, defaulted };
  };
  const on = (name: string) => {
    const flag = v.attributes.get(name);
    return flag?.kind === "bool" && flag.value;
  };
  // bf16 and fp16 are exclusive in transformers (it raises when both are set); bf16 is checked first as it does.
  const precision = on("bf16") ? "bf16" : on("fp16") ? "fp16" : undefined;
  // "max_steps: If set to a positive number, the total number of training steps to perform. Overrides
  // num_train_epochs" (TrainingArguments docs): with it the epochs are not the run's.
  const steps = figure("max_steps");
  return {
    ...(steps ? {} : { epochs: figure("num_train_epochs") }),
    batch: figure("per_device_train_batch_size"),
    accumulation: figure("gradient_accumulation_steps"),
    steps,
    ...(precision ? { precision } : {}),
  };
}
