// Hugging Face trainers built without a configuration, and TRL's defaults. A trainer given no `args` builds its own:
// transformers' `Trainer` a plain `TrainingArguments` (huggingface.co/docs/transformers/main_classes/trainer: "Will
// default to a basic instance of TrainingArguments"), TRL's `SFTTrainer(model, train_dataset=ds)` an `SFTConfig`
// (trl/trainer/sft_trainer.py: `if args is None: args = SFTConfig(f"{model_name}-SFT")`). Every TRL trainer config
// derives from `_BaseConfig(TrainingArguments)`, which keeps TrainingArguments' epochs, batch, accumulation and
// max_steps but turns bf16 on unless fp16 is set (trl/trainer/base_config.py: `self.bf16 = not (self.fp16) if
// self.bf16 is None else self.bf16`; TRL 1.10.0.dev0, commit f2cd577; no config of trl/trainer or trl/experimental
// overrides the run's other fields).
import type { Statement } from "../python/ast";
import { forEachStatement } from "../python/syntax-walk";

/** TRL's configs that keep TrainingArguments' epochs and batch and TRL's bf16. GRPO's and RLOO's batch counts the
 *  completions they generate, so their steps are counted by generation-groups.ts; online DPO's and PPO's count
 *  rollouts (and PPO's config before TRL 0.12 was no TrainingArguments), so their defaults are not read. */
const SAMPLE_CONFIGS = /^(SFT|DPO|ORPO|KTO|CPO|BCO|Reward|GRPO|RLOO)Config$/;

/** Whether a TRL config of this name takes TrainingArguments' run defaults and TRL's bf16. */
export function keepsTrainingDefaults(name: string): boolean {
  return SAMPLE_CONFIGS.test(name.split(".").pop() ?? name);
}

/** The library whose training configuration a trainer builds when given none. */
export type TrainerLibrary = "transformers" | "trl";

/**
 * Where each trainer takes `args` positionally (transformers 5.x `Trainer(model, args, ...)`; TRL 1.x
 * `SFTTrainer(model, args, ...)`, `RewardTrainer(model, args, ...)`, `DPOTrainer(model, ref_model, args, ...)`,
 * `KTOTrainer(model, ref_model, args, ...)`, `GRPOTrainer(model, reward_funcs, args, ...)`, `RLOOTrainer(model,
 * reward_funcs, args, ...)`; the last two count their batch in completions: generation-groups.ts).
 */
const ARGS_POSITION: Record<TrainerLibrary, Record<string, number>> = {
  transformers: { Trainer: 1, Seq2SeqTrainer: 1 },
  trl: { SFTTrainer: 1, RewardTrainer: 1, DPOTrainer: 2, KTOTrainer: 2, GRPOTrainer: 2, RLOOTrainer: 2 },
};

/** The library a top-level import of the file binds the callee's name from (`from trl import SFTTrainer`,
 *  `import transformers` for `transformers.Trainer`); undefined for any other origin. */
function importedFrom(callee: string, body: Statement[]): string | undefined {
  const parts = callee.split(".");
  const root = parts[0] ?? "";
  let module: string | undefined;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "import" && parts.length > 1) {
      for (const { module: m, alias } of s.names) if ((alias ?? m.split(".")[0]) === root) module = m.split(".")[0];
    } else if (s.type === "importFrom" && s.level === 0 && s.names !== "*" && parts.length === 1) {
      for (const { name, alias } of s.names) if ((alias ?? name) === root) module = s.module.split(".")[0];
    }
  }, [], () => false);
  return module;
}

/**
 * For a trainer call given no configuration (no `args=` keyword and nothing at its `args` position), the library
 * whose defaults its run takes; undefined when the call passes one or is not a known Hugging Face trainer.
 */
export function trainerWithoutArgs(callee: string, positionalCount: number, hasArgsKeyword: boolean, body: Statement[]): TrainerLibrary | undefined {
  if (hasArgsKeyword) return undefined;
  const name = callee.split(".").pop() ?? "";
  const library = importedFrom(callee, body);
  if (library !== "transformers" && library !== "trl") return undefined;
  const position = ARGS_POSITION[library][name];
  return position !== undefined && positionalCount <= position ? library : undefined;
}

/**
 * TRL's precision for a config whose bf16 and fp16 are as given (`undefined`: not written; "unread": written but not
 * readable): bf16 when bf16 is not written and fp16 is off; undefined when the written flags decide (the framework's
 * own reading takes those) or cannot be read.
 */
export function trlDefaultPrecision(bf16: boolean | "unread" | undefined, fp16: boolean | "unread" | undefined): "bf16" | undefined {
  return bf16 === undefined && (fp16 === undefined || fp16 === false) ? "bf16" : undefined;
}

/** The line a plan shows for TRL's bf16 default. */
export const TRL_BF16_DEFAULT = "TRL's default bf16=True where fp16 is not set (trl 1.x _BaseConfig)";
