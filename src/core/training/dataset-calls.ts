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
  // Sizes of one edition only (VOC's year): another edition, or one that cannot be worked out, is not the table's.
  const edition = known.edition ? keywordArgument(call, known.edition.keyword) ?? positionalArgument(call, known.edition.position) : undefined;
  if (edition) {
    const year = evaluate(edition);
    if (!year || (year.kind !== "str" && year.kind !== "int") || String(year.value) !== known.edition!.value) return undefined;
  }
  const argument = splitArgument(known, call);
  const value = argument ? evaluate(argument) : undefined;
  if (!value) return true;
  return split?.kind === "split" ? value.kind === "str" && value.value === split.trainValue : knownTruth(value);
}

/** The training samples a table dataset's call loads: its training split's, or another part's the table sizes that
 *  its `split=` names (STL10's "train+unlabeled"), with that part's name; undefined when it loads another split or
 *  one not worked out. */
export function trainingSamples(known: DatasetSize, call: Extract<Expression, { type: "call" }>, evaluate: (e: Expression) => Value | undefined): { value: number; part?: string } | undefined {
  if (known.trainSamples !== undefined && loadsTrainSplit(known, call, evaluate) === true) return { value: known.trainSamples };
  const argument = known.otherSplits ? splitArgument(known, call) : undefined;
  const named = argument ? evaluate(argument) : undefined;
  const value = named?.kind === "str" && known.otherSplits && Object.hasOwn(known.otherSplits, named.value) ? known.otherSplits[named.value] : undefined;
  return value !== undefined && named?.kind === "str" ? { value, part: named.value } : undefined;
}

/** The test split's samples a table dataset's call loads (`MNIST(root, train=False)`, `SVHN(root, split="test")`), for
 *  a `ConcatDataset` that trains on it beside the training split; undefined for any other part or one not worked out. */
export function testSplitSamples(known: DatasetSize, call: Extract<Expression, { type: "call" }>, evaluate: (e: Expression) => Value | undefined): number | undefined {
  if (known.testSamples === undefined || !known.split) return undefined;
  const argument = splitArgument(known, call);
  const value = argument ? evaluate(argument) : undefined;
  if (!value) return undefined;
  const test = known.split.kind === "split" ? value.kind === "str" && value.value === "test" : knownTruth(value) === false;
  return test ? known.testSamples : undefined;
}

/** The argument that selects a table dataset's part (`train=`, `split=`, VOC's `image_set=`), where the call writes it. */
export function splitArgument(known: DatasetSize, call: Extract<Expression, { type: "call" }>): Expression | undefined {
  const split = known.split;
  if (!split) return undefined;
  const keyword = split.kind === "train-flag" ? "train" : split.keyword ?? "split";
  return keywordArgument(call, keyword) ?? positionalArgument(call, split.position);
}
