// torchtext's legacy `Dataset.split(split_ratio=0.7, stratified=False, strata_field='label', random_state=None)`
// (torchtext ≤ 0.8 `torchtext.data.Dataset`, 0.9-0.11 `torchtext.legacy.data.Dataset`): `train, valid =
// train.split()` keeps int(round(train_ratio × N)) examples for training. A float ratio is the training part; a list
// of two or three is normalised to (train, test[, valid]) (`check_split_ratio` and `rationed_split` in
// torchtext/data/dataset.py, torchtext 0.8.1). A stratified split rounds each stratum apart and is left unread.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";
import { knownTruth } from "./evaluate-site";

/** The training examples `dataset.split(...)` keeps of `n`, with how; undefined when its ratio cannot be read. */
export function torchtextSplitPart(call: CallExpression, n: number, evaluate: (e: Expression) => Value | undefined): { value: number; detail: string } | undefined {
  const stratified = keywordArgument(call, "stratified") ?? positionalArgument(call, 1);
  if (stratified && knownTruth(evaluate(stratified)) !== false) return undefined;
  const ratioArgument = keywordArgument(call, "split_ratio") ?? positionalArgument(call, 0);
  const ratio = ratioArgument ? evaluate(ratioArgument) : { kind: "float" as const, value: 0.7 };
  let train: number | undefined;
  if (ratio?.kind === "float" || ratio?.kind === "int") train = ratio.value > 0 && ratio.value < 1 ? ratio.value : undefined;
  else if ((ratio?.kind === "list" || ratio?.kind === "tuple") && (ratio.items.length === 2 || ratio.items.length === 3)) {
    const parts = ratio.items.map((v) => (v.kind === "float" || v.kind === "int" ? v.value : NaN));
    const sum = parts.reduce((a, b) => a + b, 0);
    train = parts.every((p) => p >= 0) && sum > 0 ? parts[0]! / sum : undefined;
  }
  if (train === undefined) return undefined;
  const value = Math.round(train * n);
  return { value, detail: `${ratioArgument ? "" : "split_ratio=0.7 by default: "}int(round(${+train.toFixed(4)} × ${n.toLocaleString("en-US")})) = ${value.toLocaleString("en-US")} examples for training (torchtext's legacy Dataset.split)` };
}
