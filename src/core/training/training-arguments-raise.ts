// transformers' TrainingArguments checks its options when it is built (`__post_init__`, training_args.py, the same
// from 4.x through 5.x): `load_best_model_at_end=True` needs the save strategy to match the evaluation strategy
// unless it saves the best model ("--load_best_model_at_end requires the save and eval strategy to match"), and
// raises ValueError otherwise. Their defaults are eval_strategy "no" and save_strategy "steps". A script whose plain
// run builds such arguments stops there: it trains nothing.
import type { Value } from "../interp/values";

/** Why building TrainingArguments with these keywords raises, or undefined when it does not or cannot be told. */
export function trainingArgumentsRaise(keyword: (name: string) => { given: boolean; value: Value | undefined }): string | undefined {
  const best = keyword("load_best_model_at_end");
  if (!best.given || best.value?.kind !== "bool" || !best.value.value) return undefined;
  const strategy = (names: string[], fallback: string): string | undefined => {
    const named = names.map(keyword).find((k) => k.given);
    if (!named) return fallback;
    return named.value?.kind === "str" ? named.value.value : undefined;
  };
  const evaluation = strategy(["eval_strategy", "evaluation_strategy"], "no");
  const save = strategy(["save_strategy"], "steps");
  if (evaluation === undefined || save === undefined || save === "best" || evaluation === save) return undefined;
  return `load_best_model_at_end=True with eval_strategy "${evaluation}" and save_strategy "${save}": TrainingArguments raises ValueError (the save and eval strategy must match)`;
}
