// `train_set = Subset(train_set, indices)` after the dataset is built: torch's Subset holds the dataset's items at
// `indices` only, and its `__len__` is `len(self.indices)` (torch/utils/data/dataset.py, class Subset, torch 2.x), so
// a loader over the name walks that many samples an epoch, whatever the whole dataset holds.
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";
import { itemCount } from "../interp/value-figures";
import { ownClass } from "./own-code";

const SUBSET = /(^|\.)Subset$/;

/** The items a `Subset(dataset, indices)` call keeps (its indices' count, a tensor's rows or a list's or range's
 *  length); undefined for another call, a project's own class named Subset, or indices whose count is not known. */
export function subsetLength(callee: string, call: Extract<Expression, { type: "call" }>, evaluate: (e: Expression) => Value | undefined): number | undefined {
  if (!SUBSET.test(callee)) return undefined;
  const cls = evaluate(call.func);
  if (cls && ownClass(cls)) return undefined;
  const indices = positionalArgument(call, 1) ?? keywordArgument(call, "indices");
  const count = indices ? itemCount(evaluate(indices)) : undefined;
  return count !== undefined && count > 0 ? count : undefined;
}
