// An agent's update method that counts its own calls and steps one of its optimizers only on some of them: TD3's
// `self.total_it += 1` then `if self.total_it % self.policy_freq == 0:` around the actor's step (Fujimoto et al. 2018,
// Algorithm 1, "if t mod d then"), or a counter reset when it passes a bound (`self.delay_counter += 1`, `if
// self.delay_counter > self.delay_freq: ...; self.delay_counter = 0`). Python runs the test on every call, so the
// critic's optimizer steps on each call and the actor's on one call in the period: each network's steps are the calls'
// at its own cadence (issue 21).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { dottedName, forEachStatement } from "../python/syntax-walk";
import { conjuncts, moduloZero } from "./loop-shape";
import { steppedOptimizer, type UpdateCadence } from "./update-cadence";
import { addsOne } from "./while-epochs";

type IfStatement = Extract<Statement, { type: "if" }>;

/** A gate on the method's own call counter: the calls (numbered from 0) it lets through, and how it reads. */
interface CallGate {
  period: number;
  first: number;
  said: string;
}

/**
 * The cadence of each optimizer that `method` steps, where the method adds one to a counter of its object at its own
 * level (`self.n += 1`, the counter 0 in `__init__`: `startsAtZero`) and steps at least one optimizer only under an
 * `if` on that counter: a period (`self.n % P == 0`) or a bound the `if` resets the counter past (`self.n > K` with
 * `self.n = 0` in its body: one call in K + 1). `owners` maps each optimizer to the networks it trains; `value` reads a
 * number of the method (P, K). Undefined when fewer than two of the method's optimizers are read, or none is gated.
 */
export function ownCallCadences(method: FunctionDefinition, owners: ReadonlyMap<string, string[]>, startsAtZero: (counter: string) => boolean, value: (e: Expression) => number | undefined): UpdateCadence[] | undefined {
  const self = method.params[0]?.name;
  if (!self) return undefined;
  const increments = method.body.filter((s) => s.type === "augmented" || s.type === "assign").map((s) => counterAdded(s, self)).filter((c): c is string => c !== undefined);
  if (increments.length !== 1 || !startsAtZero(increments[0])) return undefined;
  const counter = increments[0];
  const incrementAt = method.body.findIndex((s) => counterAdded(s, self) === counter);
  const out: UpdateCadence[] = [];
  const seen = new Set<string>();
  let gated = false;
  for (const [i, s] of method.body.entries()) {
    const steps = stepsIn(s);
    if (steps.length === 0) continue;
    // A step before the count goes up, or in a loop, is left out: its networks keep the calls' count.
    if (i < incrementAt || s.type === "for" || s.type === "while") return undefined;
    const gate = s.type === "if" ? readGate(s, counter, value) : undefined;
    if (s.type === "if" && !gate) continue;
    for (const { optimizer, call } of steps) {
      const names = owners.get(optimizer);
      if (!names || seen.has(optimizer)) return undefined;
      seen.add(optimizer);
      if (gate) gated = true;
      out.push({ owners: names, times: 1, ...(gate ? { every: { period: gate.period, first: gate.first } } : {}), line: call.pos.line, detail: gate ? `${optimizer}.step() runs on one call of ${method.name}() in ${gate.period} (${gate.said})` : `${optimizer}.step() runs on each call of ${method.name}()` });
    }
  }
  return gated && out.length >= 2 ? out : undefined;
}

/** `self.x` of `self.x += 1` / `self.x = self.x + 1`. */
function counterAdded(s: Statement, self: string): string | undefined {
  const target = s.type === "augmented" ? s.target : s.type === "assign" && s.targets.length === 1 ? s.targets[0] : undefined;
  const name = target ? dottedName(target) : undefined;
  return name && name.startsWith(`${self}.`) && name.split(".").length === 2 && addsOne(s, name) ? name : undefined;
}

/** The optimizer steps a statement holds (in `if`s, not in loops or definitions). */
function stepsIn(s: Statement): { optimizer: string; call: Expression }[] {
  const out: { optimizer: string; call: Expression }[] = [];
  forEachStatement([s], ({ statement }) => {
    if (statement.type !== "expression") return;
    const optimizer = steppedOptimizer(statement.value);
    if (optimizer) out.push({ optimizer, call: statement.value });
  }, [], () => false);
  return out;
}

/** The calls an `if` on the counter lets through, the counter going up by one before it on each call (from 1). */
function readGate(s: IfStatement, counter: string, value: (e: Expression) => number | undefined): CallGate | undefined {
  if (s.orelse.length > 0) return undefined;
  const parts = conjuncts(s.test);
  if (parts.length !== 1) return undefined;
  const [test] = parts;
  const period = moduloZero(test, "==");
  if (period && test.type === "compare" && test.left.type === "binary" && dottedName(test.left.left) === counter) {
    const p = value(period);
    // The counter reads n on call n (from 1): call n steps when n % P == 0, the first of them call P (index P − 1).
    return p !== undefined && p >= 1 ? { period: p, first: p - 1, said: `${counter} % ${p} == 0` } : undefined;
  }
  if (test.type !== "compare" || test.ops.length !== 1 || dottedName(test.left) !== counter || (test.ops[0] !== ">" && test.ops[0] !== ">=")) return undefined;
  const bound = value(test.comparators[0]);
  const resets = s.body.some((b) => b.type === "assign" && b.targets.length === 1 && dottedName(b.targets[0]) === counter && b.value.type === "int" && b.value.value === 0);
  if (bound === undefined || bound < 0 || !resets) return undefined;
  // Reset to 0 when it passes: the counter runs 1 .. K + 1 (`>`) or 1 .. K (`>=`) and the last of them steps.
  const cycle = test.ops[0] === ">" ? bound + 1 : Math.max(bound, 1);
  return { period: cycle, first: cycle - 1, said: `${counter} ${test.ops[0]} ${bound}, then ${counter} = 0` };
}
