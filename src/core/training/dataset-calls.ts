// Whether a call of a well-known dataset's constructor loads its training part: `CIFAR10(root, train=True)`,
// `MNIST(root)` (train by default), `STL10(root, split='train')`; the table in dataset-sizes.ts says which argument
// selects the part and what its default is.
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";
import type { DatasetSize } from "./dataset-sizes";
import { knownTruth } from "./evaluate-site";

/** True when the call selects the training part, false for another, undefined when its argument is not known. */
export function loadsTrainSplit(known: DatasetSize, call: Extract<Expression, { type: "call" }>, evaluate: (e: Expression) => Value | undefined): boolean | undefined {
  const split = known.split;
  const argument = split?.kind === "train-flag" ? keywordArgument(call, "train") ?? positionalArgument(call, split.position) : split ? keywordArgument(call, "split") ?? positionalArgument(call, split.position) : undefined;
  const value = argument ? evaluate(argument) : undefined;
  if (!value) return true;
  return split?.kind === "split" ? value.kind === "str" && value.value === split.trainValue : knownTruth(value);
}
