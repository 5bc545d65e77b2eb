// A Hugging Face TrainingArguments (or TRL config) call that leaves `num_train_epochs` or `per_device_train_batch_size`
// unset trains with transformers' defaults, 3 epochs of 8 per device
// (huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments): Python fills a keyword
// the call does not pass from the class's default, whatever other names the script defines. An argparse option or a
// constant merely named for epochs (`--epochs`, default 1, read only by a TrainingArguments nobody trains with) is a
// guess about the run, so it ranks below that default; a loop or a keyword the call passes still ranks above it.
import type { Argument } from "../python/ast";

/** Rank of an options guess (an argparse default, a constant or config key named for epochs or batch). */
const NAMED_OPTION_RANK = 20;

/** The rank of a config call's defaulted epochs or batch: above a named option's guess when the call spreads no
 *  mapping (`**vars(args)` may set any field), else the last resort it was. */
export function configDefaultRank(args: readonly Argument[]): number {
  return args.some((a) => a.kind === "doublestar") ? 1 : NAMED_OPTION_RANK + 1;
}
