// The data a Hugging Face trainer trains on: transformers' `Trainer(model, args, data_collator, train_dataset, ...)`
// (huggingface.co/docs/transformers/main_classes/trainer) and trl's trainers built on it take it as `train_dataset`.
// Its run is one pass over that dataset an epoch, whatever other datasets the file loads or keeps.
import type { Expression } from "../python/ast";
import { keywordArgument } from "../python/syntax-walk";

/** The `train_dataset` a trainer call is given by keyword (the name every Hugging Face trainer shares; positions differ). */
export function trainerTrainDataset(call: Extract<Expression, { type: "call" }>): Expression | undefined {
  return keywordArgument(call, "train_dataset");
}
