// A step loop that evaluates on some passes in place of training (`if i % 10 == 0: print(accuracy) else:
// sess.run(train_step)`, TensorFlow's mnist_with_summaries): the optimizer steps on the passes where the test fails,
// K - 1 of every K, not on all of them.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";
import { positiveInteger } from "../interp/value-figures";
import { snippet } from "../python/code-snippet";

/** The passes a loop steps on: those whose index `index` (counting from 0), plus `offset`, is no multiple of `period`. */
export interface SkippedEvery {
  index: string;
  offset: number;
  period: Expression;
  test: Expression;
}

/** `i % K` or `(i + c) % K` compared with 0 by `op`: the index name, c and K. */
function indexModulo(test: Expression, op: "==" | "!="): { index: string; offset: number; period: Expression } | undefined {
  if (test.type !== "compare" || test.ops.length !== 1 || test.ops[0] !== op) return undefined;
  const [a, b] = [test.left, test.comparators[0]];
  const zero = (e: Expression | undefined) => e?.type === "int" && e.value === 0;
  const modulo = zero(b) ? a : zero(a) ? b : undefined;
  if (modulo?.type !== "binary" || modulo.op !== "%") return undefined;
  const left = modulo.left;
  if (left.type === "name") return { index: left.id, offset: 0, period: modulo.right };
  if (left.type === "binary" && left.op === "+" && left.left.type === "name" && left.right.type === "int") return { index: left.left.id, offset: left.right.value, period: modulo.right };
  return undefined;
}

/**
 * The skip of an `if` among a loop's own statements whose test is a period on the loop's index (`indexNames`, counting
 * from 0): the step only in its `else` branch under `i % K == 0`, or only in its body under `i % K != 0`. Undefined for
 * other tests or where both branches (or neither) step.
 */
export function skippedEvery(test: Expression, stepsInBody: boolean, stepsInElse: boolean, indexNames: ReadonlySet<string>): SkippedEvery | undefined {
  const found = stepsInElse && !stepsInBody ? indexModulo(test, "==") : stepsInBody && !stepsInElse ? indexModulo(test, "!=") : undefined;
  return found && indexNames.has(found.index) ? { ...found, test } : undefined;
}

/** The passes of `count` (indexes 0 to count - 1) a skip lets the step run on, with how the figure reads. */
export function skippedPasses(skip: SkippedEvery, count: number, evaluate: (e: Expression) => Value | undefined, text: string): { value: number; detail: string } | undefined {
  const period = positiveInteger(evaluate(skip.period));
  if (period === undefined || period <= 1) return undefined;
  // Indexes i with (i + offset) % period == 0 are the first r = (-offset mod period), then every period after it.
  const first = (((-skip.offset) % period) + period) % period;
  const held = first < count ? Math.floor((count - 1 - first) / period) + 1 : 0;
  return { value: count - held, detail: `stepping when not ${snippet(text, skip.test)}: ${(count - held).toLocaleString("en-US")} of the ${count.toLocaleString("en-US")} passes` };
}
