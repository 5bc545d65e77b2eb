// Learn-every-N inside episodes of unstated length: `while total < budget:` around `while not done:`, whose passes
// each take an environment step and add one to `total`, and under `if total >= warmup and total % K == 0:` a counted
// `for j in range(K): agent.train()`. Python checks the budget only between episodes, so over the whole run the
// counter takes each value from its start to the bound once (the last episode's overshoot aside); the gate lets through
// the values that pass its start and period, and each of those runs the inner loop's K steps. The episodes' own
// lengths do not matter (Fujimoto et al.'s TD3 `main.py` and Spinning Up's `update_every` shape, issue 21).
import type { Expression, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { dottedName, forEachStatement } from "../python/syntax-walk";
import { moduloZero } from "./loop-shape";
import { gatePasses, testsOnTheWay, type GatedPasses } from "./gated-passes";
import { addsOne, type CountedWhile } from "./while-epochs";

/** The episode loop: a `while not done:`, or a counted `for` (episode-for-budget.ts). */
type EpisodeLoop = Extract<Statement, { type: "while" | "for" }>;

/**
 * The values of a budget's counter (`start` up to `bound`) that reach `inner` through the `if`s between the episode
 * loop's body and it, each part of those tests that reads the counter a period or a start. The test sees the counter
 * after its increment where the increment comes first in the episode's body. Undefined when `inner` is not under such
 * an `if` of the episode loop's own statements, no test reads the counter, or a test cannot be read.
 */
export function budgetGatedPasses(episode: EpisodeLoop, inner: Statement, budget: CountedWhile, start: number, bound: number, scope: Statement[], evaluate: (e: Expression) => Value | undefined, text: string): (GatedPasses & { tests: Expression[] }) | undefined {
  const counter = dottedName(budget.counter);
  const read = testsOnTheWay(episode.body, inner);
  if (!counter || !read || read.length === 0) return undefined;
  // A counter of the rollout kept beside the budget's (`traj_len % T == 0`, then `traj_len = 0`) reads as the budget's.
  const tests = read.map((t) => shadowedBy(t, counter, episode, scope, start) ?? t);
  const holder = episode.body.find((s) => s.pos.startIndex <= inner.pos.startIndex && inner.pos.endIndex <= s.pos.endIndex);
  const increments = episode.body.filter((s) => addsOne(s, counter));
  if (!holder || increments.length !== 1) return undefined;
  const after = increments[0].pos.startIndex < holder.pos.startIndex;
  // The values the gate sees: start .. bound − 1 before the increment, start + 1 .. bound after it.
  const stop = bound + (budget.inclusive ? 1 : 0);
  const range: Value = { kind: "range", start: after ? start + 1 : start, stop: after ? stop + 1 : stop, step: 1 };
  const passes = gatePasses(range, tests, counter, evaluate, text);
  // The tests are counted, not a branch the defaults decide: the plain run takes it on the passes counted.
  return passes ? { ...passes, tests } : undefined;
}

/**
 * The test with a second counter read as the budget's: `c % P == 0` where `c` goes up by one beside the budget's
 * counter in the episode loop (on the same side of the test), starts where it does (0), and is set again only to 0 in
 * the body the test guards. Then c is the budget's counter mod P whenever the test runs, so the test holds on the same
 * passes (the PPO rollout of T steps: `traj_len += 1; total += 1; if traj_len % T == 0: update(); traj_len = 0`).
 */
function shadowedBy(test: Expression, counter: string, episode: EpisodeLoop, scope: Statement[], start: number): Expression | undefined {
  const period = moduloZero(test, "==");
  const left = test.type === "compare" && test.left.type === "binary" && test.left.op === "%" ? test.left.left : undefined;
  const shadow = left ? dottedName(left) : undefined;
  if (!period || !left || !shadow || shadow === counter || start !== 0) return undefined;
  const gate = episode.body.find((s): s is Extract<Statement, { type: "if" }> => s.type === "if" && s.test === test);
  const own = episode.body.filter((s) => addsOne(s, shadow));
  const budgetAt = episode.body.findIndex((s) => addsOne(s, counter));
  if (!gate || own.length !== 1 || budgetAt < 0) return undefined;
  const side = (i: number) => i < episode.body.indexOf(gate);
  if (side(episode.body.indexOf(own[0])) !== side(budgetAt)) return undefined;
  // Every other binding of the shadow in the function sets it to 0: its start, and the reset the test guards.
  let resets = 0;
  let other = false;
  forEachStatement(scope, ({ statement: s }) => {
    if (s.type === "augmented" && dottedName(s.target) === shadow && s !== own[0]) other = true;
    if (s.type !== "assign") return;
    for (const target of s.targets) {
      const items = target.type === "tuple" || target.type === "list" ? target.items : [target];
      const values = target.type === "tuple" || target.type === "list" ? (s.value.type === "tuple" || s.value.type === "list" ? s.value.items : undefined) : [s.value];
      items.forEach((t, i) => {
        if (dottedName(t) !== shadow || s === own[0]) return;
        const v = values?.[i];
        if (v?.type !== "int" || v.value !== 0) other = true;
        else if (gate.body.includes(s)) resets++;
      });
    }
  }, [], () => false);
  if (other || resets !== 1) return undefined;
  if (test.type !== "compare" || test.left.type !== "binary") return undefined;
  return { ...test, left: { ...test.left, left: budgetCounterExpression(left, counter) } };
}

/** The budget's counter as an expression at the shadow's place (a name or `obj.attr`). */
function budgetCounterExpression(at: Expression, counter: string): Expression {
  const parts = counter.split(".");
  let e: Expression = { type: "name", id: parts[0], pos: at.pos };
  for (const name of parts.slice(1)) e = { type: "attribute", object: e, name, pos: at.pos };
  return e;
}
