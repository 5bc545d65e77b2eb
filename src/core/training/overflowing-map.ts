// A Hugging Face `Dataset.map(fn, batched=True)` may return another number of rows than it is given
// (huggingface.co/docs/datasets/about_map_batch: "the function can return a batch of a different size"). Question
// answering scripts do so on purpose: their tokenizer call passes `return_overflowing_tokens=True` with a stride, so
// a context longer than max_length becomes several features (huggingface.co/docs/transformers/main_classes/tokenizer,
// `return_overflowing_tokens`). The rows the run trains on are then the features, a count only tokenizing tells.
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { forEachExpression, forEachStatement, keywordArgument, ownExpressions, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** Whether a `map(fn, batched=True, ...)` call's function (one of the code's own, or a lambda) passes
 *  `return_overflowing_tokens=True` to a call: its rows are the features that makes, not the examples it is given. */
export function mapSplitsRows(call: CallExpression, evaluate: (e: Expression) => Value | undefined): boolean {
  const batched = keywordArgument(call, "batched");
  const isBatched = batched ? evaluate(batched) : undefined;
  if (isBatched?.kind !== "bool" || !isBatched.value) return false;
  const fn = positionalArgument(call, 0) ?? keywordArgument(call, "function");
  const value = fn ? evaluate(fn) : undefined;
  if (value?.kind !== "function") return false;
  const definition = value.definition;
  const roots: Expression[] = [];
  if (definition.type === "function") forEachStatement(definition.body, ({ statement }) => roots.push(...ownExpressions(statement)));
  else roots.push(definition.body);
  let overflows = false;
  for (const root of roots) forEachExpression(root, (e) => {
    if (overflows || e.type !== "call") return;
    const flag = keywordArgument(e, "return_overflowing_tokens");
    if (flag && flag.type === "constant" && flag.value === "True") overflows = true;
  });
  return overflows;
}
