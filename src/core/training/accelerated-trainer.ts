// pytorch-accelerated's Trainer owns the loop: `trainer.train(train_dataset, num_epochs, eval_dataset=None,
// per_device_batch_size=8, max_num_train_steps=None, gradient_accumulation_steps=1, ...)` builds the training loader
// from train_dataset with per_device_batch_size and runs num_epochs epochs, an optimizer step every
// gradient_accumulation_steps batches; max_num_train_steps, where given, overrides num_epochs
// (pytorch-accelerated.readthedocs.io/en/latest/trainer.html, Trainer.train; pytorch-accelerated 0.1, trainer.py).
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** Whether the file imports pytorch-accelerated. */
export function importsPytorchAccelerated(text: string): boolean {
  return /^\s*(?:from|import)\s+pytorch_accelerated\b/m.test(text);
}

/** The per-device batch size pytorch-accelerated's Trainer.train uses when it is given none. */
export const ACCELERATED_DEFAULT_BATCH = 8;

type Figure = { value: number; defaulted: boolean; detail: string };

const positive = (v: Value | undefined): number | undefined => (v?.kind === "int" && v.value > 0 ? v.value : undefined);

/** The epochs, batch, accumulation and step cap a `trainer.train(...)` call states; undefined where the call is not
 *  pytorch-accelerated's (its num_epochs, a required parameter, is missing). */
export function acceleratedTrain(call: CallExpression, evaluate: (e: Expression) => Value | undefined, snippet: (e: Expression) => string): {
  epochs?: Figure; batch?: Figure; accumulation?: Figure; maxSteps?: Figure; dataset?: Expression;
} | undefined {
  const epochsArgument = keywordArgument(call, "num_epochs") ?? positionalArgument(call, 1);
  if (!epochsArgument) return undefined;
  const result: NonNullable<ReturnType<typeof acceleratedTrain>> = { dataset: keywordArgument(call, "train_dataset") ?? positionalArgument(call, 0) };
  const stated = (argument: Expression | undefined, name: string): Figure | undefined => {
    const value = argument ? positive(evaluate(argument)) : undefined;
    return value === undefined ? undefined : { value, defaulted: false, detail: `pytorch-accelerated's Trainer.train(${name}=${snippet(argument!)})` };
  };
  result.epochs = stated(epochsArgument, "num_epochs");
  const batchArgument = keywordArgument(call, "per_device_batch_size") ?? positionalArgument(call, 3);
  result.batch = batchArgument
    ? stated(batchArgument, "per_device_batch_size")
    : { value: ACCELERATED_DEFAULT_BATCH, defaulted: true, detail: `pytorch-accelerated's Trainer.train default per_device_batch_size=${ACCELERATED_DEFAULT_BATCH} (pytorch-accelerated.readthedocs.io, Trainer.train)` };
  result.accumulation = stated(keywordArgument(call, "gradient_accumulation_steps") ?? positionalArgument(call, 5), "gradient_accumulation_steps");
  result.maxSteps = stated(keywordArgument(call, "max_num_train_steps") ?? positionalArgument(call, 4), "max_num_train_steps");
  return result;
}
