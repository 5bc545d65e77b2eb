// torchtext's legacy iterators cut a batch where `batch_size_fn`'s running count reaches `batch_size` (torchtext 0.8
// data/iterator.py `batch(data, batch_size, batch_size_fn)`: "batch_size_fn: Function of three arguments (new example
// to add, current count of examples in the batch, and current effective batch size) that returns the new effective
// batch size resulting from adding that example to a batch"). Translation code passes a token count there (the
// Annotated Transformer's `batch_size_fn` sums padded source and target tokens; fairseq's `--max-tokens` is the same
// budget), so `batch_size` is a budget in what the function counts, not a number of examples.
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument } from "../python/syntax-walk";

/** A batch size a torchtext iterator takes as a budget of what its batch_size_fn counts. */
export interface TokenBudget {
  value: number;
  line: number;
  detail: string;
}

/** The budget of an iterator call given `batch_size_fn=` (not None), or undefined for a batch of examples. */
export function iteratorTokenBudget(call: Extract<Expression, { type: "call" }>, callee: string, batch: number | undefined, evaluate: (e: Expression) => Value | undefined, show: (e: Expression) => string): TokenBudget | undefined {
  const fn = keywordArgument(call, "batch_size_fn");
  if (!fn || batch === undefined || evaluate(fn)?.kind === "none") return undefined;
  return { value: batch, line: call.pos.line, detail: `${callee}(batch_size_fn=${show(fn)}) cuts each batch where that function's running count reaches ${batch.toLocaleString("en-US")} (a budget of tokens, not of examples)` };
}

/** The plan's note for a batch figure that is the iterator's budget: the examples a batch holds are not stated. */
export function tokenBudgetNote(budget: TokenBudget): string {
  return `batch: ${budget.detail} (line ${budget.line}), so the examples in a batch are not stated: pass --batch N`;
}
