// transformers' HfArgumentParser turns dataclasses into command-line options: with no flags, a script's run is
// its TrainingArguments dataclass's defaults (huggingface.co/docs/transformers/internal/trainer_utils#transformers.HfArgumentParser).
// A script may subclass TrainingArguments to change them (`per_device_train_batch_size: int = field(default=1)`).
import type { ClassDefinition, Expression, Statement } from "../python/ast";
import { dottedName, keywordArgument, positionalArgument } from "../python/syntax-walk";
import { keepsTrainingDefaults } from "./trl-configs";

/**
 * TrainingArguments' fields the training plan reads, with transformers' documented defaults (training_args.py,
 * transformers 4.x and 5.x): 3 epochs, 8 per device, no accumulation, max_steps -1 (epochs decide), fp32.
 */
export const TRAINING_ARGUMENT_DEFAULTS = {
  num_train_epochs: 3,
  per_device_train_batch_size: 8,
  gradient_accumulation_steps: 1,
  max_steps: -1,
  bf16: false,
  fp16: false,
} as const;

export type TrainingArgumentField = keyof typeof TRAINING_ARGUMENT_DEFAULTS;

/** The TrainingArguments dataclass a parser parses: its name, and the defaults the file's class bodies give. */
export interface ParsedTrainingArguments {
  className: string;
  /** "trl" for one of TRL's trainer configs (bf16 on by default: trl-configs.ts). */
  kind: "transformers" | "trl";
  /** A field's default as the file writes it (the expression and its line); absent fields take transformers'. */
  fields: Map<TrainingArgumentField, { value: Expression; line: number }>;
}

const FIELDS = new Set<string>(Object.keys(TRAINING_ARGUMENT_DEFAULTS));
const TRAINING_ARGUMENTS = /(^|\.)(Seq2Seq)?TrainingArguments$/;
// TRL's trainer configs subclass TrainingArguments, whose run fields they keep (huggingface.co/docs/trl/sft_trainer:
// "SFTConfig ... subclass of transformers.TrainingArguments"; likewise DPOConfig, GRPOConfig, RewardConfig, ...).
const TRL_CONFIGS = /^(SFT|DPO|GRPO|ORPO|KTO|CPO|BCO|OnlineDPO|RLOO|PPO|Reward)Config$/;

/** Whose TrainingArguments a call of `name` builds: transformers' (Seq2SeqTrainingArguments too, with its defaults),
 *  TRL's trainer configs (a file importing trl; their own defaults may differ, so only what the call writes counts). */
export function trainingArgumentsKind(name: string, text: string): "transformers" | "trl" | undefined {
  if (TRAINING_ARGUMENTS.test(name)) return "transformers";
  return TRL_CONFIGS.test(name) && /^\s*(from\s+trl\b|import\s+trl\b)/m.test(text) ? "trl" : undefined;
}

/**
 * Of the dataclass types an `HfArgumentParser((ModelArguments, DataArguments, TrainingArguments))` call takes, the
 * TrainingArguments: transformers' own (or Seq2SeqTrainingArguments), or a class of the file deriving from it, whose
 * field defaults (and those of its bases in the file) override transformers'.
 */
export function hfTrainingArguments(parser: Extract<Expression, { type: "call" }>, body: Statement[], text = ""): ParsedTrainingArguments | undefined {
  const given = positionalArgument(parser, 0) ?? keywordArgument(parser, "dataclass_types");
  const types = given && (given.type === "tuple" || given.type === "list") ? given.items : given ? [given] : [];
  const classes = new Map<string, ClassDefinition>();
  for (const s of body) if (s.type === "class") classes.set(s.name, s);
  for (const t of types) {
    const name = dottedName(t);
    if (!name) continue;
    const fields = new Map<TrainingArgumentField, { value: Expression; line: number }>();
    const trl = { found: false, text };
    if (derivesFromTrainingArguments(name, classes, fields, 0, trl)) return { className: name, kind: trl.found ? "trl" : "transformers", fields };
  }
  return undefined;
}

/** Whether the class named derives from TrainingArguments; collects the field defaults its bodies in the file set
 *  (a subclass's win over its bases'). */
function derivesFromTrainingArguments(name: string, classes: Map<string, ClassDefinition>, fields: ParsedTrainingArguments["fields"], depth: number, trl: { found: boolean; text: string }): boolean {
  const definition = classes.get(name);
  // A class of this file shadows transformers' name (qlora's `class TrainingArguments(transformers.Seq2SeqTrainingArguments)`).
  // TRL's trainer configs (`HfArgumentParser(SFTConfig)`, `TrlParser((ScriptArguments, SFTConfig))`) derive from it too.
  if (!definition) {
    if (trainingArgumentsKind(name.split(".").pop() ?? name, trl.text) === "trl" && keepsTrainingDefaults(name)) trl.found = true;
    return TRAINING_ARGUMENTS.test(name) || trl.found;
  }
  if (depth > 8) return false;
  let derives = false;
  for (const base of definition.bases) {
    const baseName = base.kind === "positional" ? dottedName(base.value) : undefined;
    // `class TrainingArguments(TrainingArguments)` derives from the imported class the new one shadows.
    if (baseName === name ? TRAINING_ARGUMENTS.test(name) : baseName && derivesFromTrainingArguments(baseName, classes, fields, depth + 1, trl)) derives = true;
  }
  if (!derives) return false;
  for (const s of definition.body) {
    if (s.type !== "annotated" || s.target.type !== "name" || !s.value || !FIELDS.has(s.target.id)) continue;
    const value = fieldDefault(s.value);
    if (value) fields.set(s.target.id as TrainingArgumentField, { value, line: s.pos.line });
  }
  return true;
}

/** `x: int = 3` or `x: int = field(default=3, metadata=...)`; a default_factory is not read. */
function fieldDefault(value: Expression): Expression | undefined {
  if (value.type !== "call") return value;
  const callee = dottedName(value.func);
  if (callee !== "field" && callee !== "dataclasses.field") return value;
  return keywordArgument(value, "default") ?? undefined;
}

