// An agent's step() that counts its own calls round a cycle and learns only when the count comes back to zero:
// `self.t_step = (self.t_step + 1) % UPDATE_EVERY` then `if self.t_step == 0: ... self.learn(...)` (the DQN agents of
// many course repositories). Python runs that test on every call, so one call in UPDATE_EVERY takes the optimizer step:
// a loop calling it N times steps N / UPDATE_EVERY times (rounded down; the counter starts at 0 in __init__).
import type { Expression, FunctionDefinition } from "../python/ast";
import { dottedName } from "../python/syntax-walk";

/** The period of a method's cyclic call counter that gates its body's learning (`if self.x == 0:` after
 *  `self.x = (self.x + 1) % P`), read with `value` for P; undefined when the method has no such gate. */
export function cyclicCallPeriod(method: FunctionDefinition, value: (e: Expression) => number | undefined): number | undefined {
  const self = method.params[0]?.name;
  if (!self) return undefined;
  for (const [i, s] of method.body.entries()) {
    if (s.type !== "assign" || s.targets.length !== 1 || s.value.type !== "binary" || s.value.op !== "%") continue;
    const counter = dottedName(s.targets[0]);
    if (!counter?.startsWith(`${self}.`) || !addsOneTo(s.value.left, counter)) continue;
    const gated = method.body.slice(i + 1).some((g) => g.type === "if" && isZeroTest(g.test, counter) && g.body.length > 0);
    const period = gated ? value(s.value.right) : undefined;
    return period !== undefined && period > 1 ? period : undefined;
  }
  return undefined;
}

function addsOneTo(e: Expression, counter: string): boolean {
  return e.type === "binary" && e.op === "+" && ((dottedName(e.left) === counter && e.right.type === "int" && e.right.value === 1) || (dottedName(e.right) === counter && e.left.type === "int" && e.left.value === 1));
}

function isZeroTest(e: Expression, counter: string): boolean {
  if (e.type !== "compare" || e.ops.length !== 1 || e.ops[0] !== "==") return false;
  const [a, b] = [e.left, e.comparators[0]];
  return (dottedName(a) === counter && b.type === "int" && b.value === 0) || (dottedName(b) === counter && a.type === "int" && a.value === 0);
}
