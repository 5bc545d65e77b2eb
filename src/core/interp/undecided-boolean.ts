// `a and b` / `a or b` whose left operand nobody can read. Python's result is one operand or the other
// (docs.python.org/3/reference/expressions.html#boolean-operations), so when the right one alone settles the truth
// (`epoch == start_epoch and start_step > 0` with start_step 0 is falsy whichever operand it returns) the test is
// decided. Only a right operand that calls nothing is read: Python may never evaluate it, so reading it must do nothing.
import type { Expression } from "../python/ast";
import { forEachExpression } from "../python/syntax-walk";
import type { Value } from "./values";

/** Whether an operand reads only names, attributes, constants and operators: evaluating it calls nothing. */
export function readsWithoutCall(operand: Expression): boolean {
  let call = false;
  forEachExpression(operand, (e) => {
    if (e.type === "call" || e.type === "lambda") call = true;
  });
  return !call;
}

/** The value of `left op right` when the left operand is unknown: the right operand when its truth decides the
 *  result's (False for `and`, True for `or`), else undefined. */
export function decidedByRight(op: "and" | "or", right: Value): Value | undefined {
  if (right.kind !== "bool") return undefined;
  return (op === "and") !== right.value ? right : undefined;
}
