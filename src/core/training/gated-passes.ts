// Learn-every-N: a budget loop over environment steps that updates only on some of its passes (Fujimoto et al.'s
// TD3 and OpenAI Spinning Up's SAC: `if t >= update_after and t % update_every == 0: for j in range(update_every):
// update(...)`; DQN's `if t > learning_starts and t % train_freq == 0:`). The optimizer steps are the passes whose
// index passes the gate times the updates each of those makes, not every pass times them (issue 21).
import type { Expression, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { dottedName, forEachExpression, namesIn } from "../python/syntax-walk";
import { conjuncts, moduloZero } from "./loop-shape";
import { breakGuards } from "./counter-budget";
import { positiveInteger, positiveOrZero } from "../interp/value-figures";

/** A counted loop's passes that reach `inner`, and the gate that says so. */
export interface GatedPasses {
  value: number;
  detail: string;
}

/**
 * The passes of `for t in range(...)` that reach `inner` (a loop in its body) through the `if`s between them, when each
 * part of those tests that reads the loop's index is a period (`t % N == 0`, `(t + 1) % N == 0`) or a start (`t >= L`,
 * `t > L`) and the other parts read nothing of the loop. Undefined when nothing gates `inner`, when a gate cannot be
 * read (`if len(buffer) > batch_size:` is left as the loop's count), or when the range is not stepped by one.
 */
export function gatedPasses(outer: Extract<Statement, { type: "for" }>, inner: Statement, evaluate: (e: Expression) => Value | undefined, text: string): GatedPasses | undefined {
  if (outer.target.type !== "name") return undefined;
  const tests = testsOnTheWay(outer.body, inner);
  if (!tests || tests.length === 0) return undefined;
  // One `or` gate (`if it == 1 or it % PLOT_EVERY == 0:`): the passes any part lets through.
  if (tests.length === 1 && tests[0].type === "boolean" && tests[0].op === "or") return anyOfPasses(outer, tests[0], undefined, evaluate, text);
  return gatePasses(evaluate(outer.iter), tests, outer.target.id, evaluate, text);
}

/**
 * The indexes of `range` (stepped by one) that pass every test, each part of the tests that reads `index` (a name, or
 * a dotted attribute such as `self.t`) a period or a start, the other parts left as holding. Undefined when no part
 * reads the index, a part cannot be read, or there are several periods.
 */
export function gatePasses(range: Value | undefined, tests: Expression[], index: string, evaluate: (e: Expression) => Value | undefined, text: string): GatedPasses | undefined {
  if (range?.kind !== "range" || range.step !== 1) return undefined;
  const gate = readGate(tests.flatMap(conjuncts), index, evaluate, text);
  if (!gate) return undefined;
  const { periods, said } = gate;
  const lo = Math.max(range.start, gate.from);
  const hi = range.stop;
  if (said.length === 0 || periods.length > 1) return undefined;
  let value = Math.max(0, hi - lo);
  if (periods.length === 1 && value > 0) {
    const { every, offset } = periods[0];
    // Indices x in [lo, hi) with (x + offset) % every == 0.
    const upTo = (x: number) => Math.floor((x + offset) / every);
    value = upTo(hi - 1) - upTo(lo - 1);
  }
  return { value, detail: `${said.join(" and ")}: ${value.toLocaleString("en-US")} of its passes` };
}

/**
 * The passes `for i in range(a, b)` makes before its only break, `if i > K: break` (or `i >= K`) among the loop's own
 * statements: Python leaves the loop at the first index the test holds for, so a loop over 80 epochs that breaks when
 * `epoch > 40` runs 41. Undefined when the loop has another break, the bound is unknown, or the test never holds.
 */
export function passesBeforeBreak(loop: Extract<Statement, { type: "for" }>, iterable: Expression, evaluate: (e: Expression) => Value | undefined, text: string): GatedPasses | undefined {
  if (loop.target.type !== "name") return undefined;
  const range = evaluate(iterable);
  if (range?.kind !== "range" || range.step !== 1) return undefined;
  const guards = breakGuards(loop);
  const guard = guards.length === 1 ? guards[0] : undefined;
  const own = loop.body.some((s) => s.type === "if" && s.test === guard && s.body.some((b) => b.type === "break"));
  const bound = guard && own ? startBound(guard, loop.target.id) : undefined;
  const k = bound ? positiveOrZero(evaluate(bound.bound)) : undefined;
  if (!bound || k === undefined) return undefined;
  const breaksAt = bound.inclusive ? k : k + 1;
  if (breaksAt >= range.stop) return undefined;
  const value = Math.max(0, breaksAt - range.start);
  return { value, detail: `until ${text.slice(guard!.pos.startIndex, guard!.pos.endIndex)}: break, ${value.toLocaleString("en-US")} passes` };
}

/** The tests of the `if`s that hold `inner` within `body`, outermost first (only `if`/`with`/`try` blocks between
 *  them); undefined when `inner` sits in an `else`, another loop or a definition. */
export function testsOnTheWay(body: Statement[], inner: Statement): Expression[] | undefined {
  for (const s of body) {
    if (s === inner) return [];
    if (s.pos.startIndex > inner.pos.startIndex || s.pos.endIndex < inner.pos.endIndex) continue;
    if (s.type === "if") {
      const within = testsOnTheWay(s.body, inner);
      return within ? [s.test, ...within] : undefined;
    }
    if (s.type === "with") return testsOnTheWay(s.body, inner);
    if (s.type === "try") return testsOnTheWay(s.body, inner);
    return undefined;
  }
  return undefined;
}

/**
 * The parts of a gate's tests that read `name`: each a period (`name % N == 0`, `(name + k) % N == 0`) or a start
 * (`name >= L`, `name > L`), with the first value the starts let through (-Infinity when none) and the parts' code.
 * Undefined when such a part is neither, or its N or L is unknown.
 */
function readGate(parts: Expression[], name: string, evaluate: (e: Expression) => Value | undefined, text: string): { periods: { every: number; offset: number }[]; from: number; said: string[] } | undefined {
  let from = -Infinity;
  const periods: { every: number; offset: number }[] = [];
  const said: string[] = [];
  for (const part of parts) {
    if (!readsName(part, name)) continue;
    const every = moduloZero(part, "==");
    if (every) {
      const left = part.type === "compare" ? (part.left.type === "binary" && part.left.op === "%" ? part.left.left : part.comparators[0].type === "binary" ? part.comparators[0].left : undefined) : undefined;
      const offset = left ? indexOffset(left, name) : undefined;
      const n = positiveInteger(evaluate(every));
      if (offset === undefined || n === undefined) return undefined;
      periods.push({ every: n, offset });
    } else {
      const bound = startBound(part, name);
      const value = bound ? positiveOrZero(evaluate(bound.bound)) : undefined;
      if (!bound || value === undefined) return undefined;
      from = Math.max(from, bound.inclusive ? value : value + 1);
    }
    said.push(text.slice(part.pos.startIndex, part.pos.endIndex));
  }
  return { periods, from, said };
}

/** Whether an expression reads the name (or the dotted attribute, `self.t`). */
function readsName(e: Expression, name: string): boolean {
  if (!name.includes(".")) return namesIn([e], new Set()).has(name);
  let found = false;
  forEachExpression(e, (x) => {
    if (!found && dottedName(x) === name) found = true;
  });
  return found;
}

/** k in `index + k` (0 for the index itself). */
function indexOffset(e: Expression, index: string): number | undefined {
  if (dottedName(e) === index) return 0;
  if (e.type === "binary" && e.op === "+" && dottedName(e.left) === index && e.right.type === "int") return e.right.value;
  return undefined;
}

/** `index >= L`, `index > L` (or `L <= index`, `L < index`). */
function startBound(test: Expression, index: string): { bound: Expression; inclusive: boolean } | undefined {
  if (test.type !== "compare" || test.ops.length !== 1) return undefined;
  const [op, left, right] = [test.ops[0], test.left, test.comparators[0]];
  const isIndex = (e: Expression) => dottedName(e) === index;
  if (isIndex(left) && (op === ">" || op === ">=") && !readsName(right, index)) return { bound: right, inclusive: op === ">=" };
  if (isIndex(right) && (op === "<" || op === "<=") && !readsName(left, index)) return { bound: left, inclusive: op === "<=" };
  return undefined;
}

/**
 * The passes of `while counter < bound:` that step, when the counter goes up by `stride` each pass (`global_step +=
 * num_envs`, one per environment of a vector) and the step sits under an `if` on the counter: its period (`counter %
 * train_freq == 0`, the `period` expression the loop's shape found) and a start (`counter > learning_starts`). The
 * test sees the counter after the increment when the increment comes first in the body. A period that divides the
 * stride holds on every pass. Undefined when the counter's first value is unknown or the gate cannot be read.
 */
export function counterGatedPasses(loop: Extract<Statement, { type: "while" }>, counter: string, stride: number, passes: number, period: Expression, evaluate: (e: Expression) => Value | undefined, text: string): GatedPasses | undefined {
  const gate = gateHolding(loop.body, period);
  if (!gate || passes > 10_000_000) return undefined;
  const start = positiveOrZero(evaluate({ type: "name", id: counter, pos: loop.pos }));
  if (start === undefined) return undefined;
  const tests = [...(testsOnTheWay(loop.body, gate) ?? []), gate.test];
  const read = readGate(tests.flatMap(conjuncts), counter, evaluate, text);
  if (!read) return undefined;
  const { periods, said, from } = read;
  if (periods.length === 0) return undefined;
  const increment = loop.body.find((s) => s.type === "augmented" && s.target.type === "name" && s.target.id === counter);
  const after = increment !== undefined && increment.pos.startIndex < gate.pos.startIndex;
  let value = 0;
  for (let k = 1; k <= passes; k++) {
    const seen = start + stride * (after ? k : k - 1);
    if (seen >= from && periods.every((p) => (seen + p.offset) % p.every === 0)) value++;
  }
  return { value, detail: `${said.join(" and ")} with ${counter} going up by ${stride} a pass: ${value.toLocaleString("en-US")} of its ${passes.toLocaleString("en-US")} passes` };
}

/** The `if` among a loop body's own statements (inside `if`/`with`/`try`, not nested loops) whose test holds `part`. */
function gateHolding(body: Statement[], part: Expression): Extract<Statement, { type: "if" }> | undefined {
  for (const s of body) {
    if (s.type === "if") {
      if (s.test.pos.startIndex <= part.pos.startIndex && part.pos.endIndex <= s.test.pos.endIndex) return s;
      const inside = gateHolding(s.body, part) ?? gateHolding(s.orelse, part);
      if (inside) return inside;
    } else if (s.type === "with" || s.type === "try") {
      const inside = gateHolding(s.body, part);
      if (inside) return inside;
    }
  }
  return undefined;
}

/**
 * The passes of `for t in range(start, ...)`, `count` of them (all when undefined), for which any part of an `or` gate holds, each part a
 * period on the index (`(t + 1) % BATCH == 0`) or the index equal to a value (`t == EP_LEN - 1`): PPO's update every
 * BATCH steps and at the episode's last step (Python's `or` runs the body when any part holds). Undefined for any other
 * gate, a part that reads anything but the index, or a range not stepped by one.
 */
export function anyOfPasses(loop: Extract<Statement, { type: "for" }>, test: Expression, count: number | undefined, evaluate: (e: Expression) => Value | undefined, text: string): GatedPasses | undefined {
  if (loop.target.type !== "name" || test.type !== "boolean" || test.op !== "or") return undefined;
  const index = loop.target.id;
  const range = evaluate(loop.iter);
  if (range?.kind !== "range" || range.step !== 1) return undefined;
  const passes = count ?? Math.max(0, range.stop - range.start);
  if (passes > 10_000_000) return undefined;
  const holds: ((t: number) => boolean)[] = [];
  for (const part of disjuncts(test)) {
    const period = readGate([part], index, evaluate, text);
    if (period && period.periods.length === 1 && period.from === -Infinity) {
      const { every, offset } = period.periods[0];
      holds.push((t) => (t + offset) % every === 0);
      continue;
    }
    const equal = part.type === "compare" && part.ops.length === 1 && part.ops[0] === "==" ? equalTo(part.left, part.comparators[0], index) : undefined;
    const value = equal ? positiveOrZero(evaluate(equal)) : undefined;
    if (value === undefined) return undefined;
    holds.push((t) => t === value);
  }
  let value = 0;
  for (let t = range.start; t < range.start + passes; t++) if (holds.some((h) => h(t))) value++;
  return { value, detail: `stepping when ${text.slice(test.pos.startIndex, test.pos.endIndex)}: ${value.toLocaleString("en-US")} of its ${passes.toLocaleString("en-US")} passes` };
}

/** The parts of a test any of which lets it hold: `a or b or c` gives a, b, c. */
function disjuncts(test: Expression): Expression[] {
  return test.type === "boolean" && test.op === "or" ? [...disjuncts(test.left), ...disjuncts(test.right)] : [test];
}

/** E in `index == E` or `E == index`, E not reading the index. */
function equalTo(left: Expression, right: Expression, index: string): Expression | undefined {
  if (left.type === "name" && left.id === index && !readsName(right, index)) return right;
  if (right.type === "name" && right.id === index && !readsName(left, index)) return left;
  return undefined;
}
