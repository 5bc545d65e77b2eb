// `for step in range(num_iterations + 1):` whose body first evaluates, then leaves on the last turn before the
// update (`last_step = step == num_iterations` ... `if last_step: break` ... `loss.backward(); optimizer.step()`), as
// nanoGPT-style speedrun scripts do to evaluate once more after the final step: Python runs the statements of a turn
// in order, so the turn that breaks makes no update and the run takes `num_iterations` optimizer steps, not
// `num_iterations + 1`. Read only when the loop's one break sits in an `if` among its own statements, ahead of every
// statement that updates, and its test holds from a known index on.
import type { Expression, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { breakGuards } from "./counter-budget";
import { dottedName, forEachStatement, namesIn } from "../python/syntax-walk";
import { positiveOrZero } from "../interp/value-figures";

/** What a turn runs to update: a backward pass or an optimizer's (or scaler's) step. */
const UPDATES = /\.\s*(?:backward|step)\s*\(/;

/** The passes a counted loop updates in, and why. */
export interface TurnsBeforeBreak {
  value: number;
  detail: string;
}

/** The first index `test` holds for, reading `index == K`, `index >= K`, `index > K` (or the mirrored forms). */
function firstHolding(test: Expression, index: string, evaluate: (e: Expression) => Value | undefined): number | undefined {
  if (test.type !== "compare" || test.ops.length !== 1) return undefined;
  const [op, left, right] = [test.ops[0], test.left, test.comparators[0]];
  const reads = (e: Expression) => namesIn([e], new Set()).has(index);
  const at = (bound: Expression, shift: number) => {
    const k = reads(bound) ? undefined : positiveOrZero(evaluate(bound));
    return k === undefined ? undefined : k + shift;
  };
  if (dottedName(left) === index) return op === "==" || op === ">=" ? at(right, 0) : op === ">" ? at(right, 1) : undefined;
  if (dottedName(right) === index) return op === "==" || op === "<=" ? at(left, 0) : op === "<" ? at(left, 1) : undefined;
  return undefined;
}

/** The test a flag stands for: `last = step == N` bound once in the loop, among its own statements before `at`. */
function flagTest(loop: Extract<Statement, { type: "for" }>, name: string, at: Statement): Expression | undefined {
  let bindings = 0;
  forEachStatement(loop.body, ({ statement: s }) => {
    const targets = s.type === "assign" ? s.targets : s.type === "augmented" ? [s.target] : s.type === "for" ? [s.target] : [];
    if (namesIn(targets, new Set()).has(name)) bindings++;
  });
  if (bindings !== 1) return undefined;
  const own = loop.body.find((s) => s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.targets[0].id === name);
  return own?.type === "assign" && own.pos.startIndex < at.pos.startIndex && own.value.type === "compare" ? own.value : undefined;
}

/**
 * The updating passes of `for i in range(a, b)` (stepped by one) whose only break, in an `if` among the loop's own
 * statements ahead of every statement that updates, holds from index K on: K - a when K < b. Undefined otherwise.
 */
export function turnsBeforeBreak(loop: Extract<Statement, { type: "for" }>, iterable: Expression, evaluate: (e: Expression) => Value | undefined, text: string): TurnsBeforeBreak | undefined {
  if (loop.target.type !== "name") return undefined;
  const guards = breakGuards(loop);
  if (guards.length !== 1 || guards[0] === undefined) return undefined;
  const guard = guards[0];
  const index = loop.body.findIndex((s) => s.type === "if" && s.test === guard && s.body.some((b) => b.type === "break"));
  if (index < 0) return undefined;
  // Every statement before the break is read (evaluation, logging); none of them may update.
  if (loop.body.slice(0, index).some((s) => UPDATES.test(text.slice(s.pos.startIndex, s.pos.endIndex)))) return undefined;
  if (!loop.body.slice(index + 1).some((s) => UPDATES.test(text.slice(s.pos.startIndex, s.pos.endIndex)))) return undefined;
  const test = guard.type === "name" ? flagTest(loop, guard.id, loop.body[index]) : guard;
  const range = evaluate(iterable);
  if (!test || range?.kind !== "range" || range.step !== 1) return undefined;
  const breaksAt = firstHolding(test, loop.target.id, evaluate);
  if (breaksAt === undefined || breaksAt < range.start || breaksAt >= range.stop) return undefined;
  const value = breaksAt - range.start;
  const said = text.slice(test.pos.startIndex, test.pos.endIndex);
  return { value, detail: `until ${said}: break before the update, ${value.toLocaleString("en-US")} updating passes` };
}
