// Learn-every-N inside episodes of unstated length: `while total < budget:` around `while not done:`, whose passes
// each take an environment step and add one to `total`, and under `if total >= warmup and total % K == 0:` a counted
// `for j in range(K): agent.train()`. Python checks the budget only between episodes, so over the whole run the
// counter takes each value from its start to the bound once (the last episode's overshoot aside); the gate lets through
// the values that pass its start and period, and each of those runs the inner loop's K steps. The episodes' own
// lengths do not matter (Fujimoto et al.'s TD3 `main.py` and Spinning Up's `update_every` shape, issue 21).
import type { Expression, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { dottedName } from "../python/syntax-walk";
import { gatePasses, testsOnTheWay, type GatedPasses } from "./gated-passes";
import { addsOne, type CountedWhile } from "./while-epochs";

type WhileLoop = Extract<Statement, { type: "while" }>;

/**
 * The values of a budget's counter (`start` up to `bound`) that reach `inner` through the `if`s between the episode
 * loop's body and it, each part of those tests that reads the counter a period or a start. The test sees the counter
 * after its increment where the increment comes first in the episode's body. Undefined when `inner` is not under such
 * an `if` of the episode loop's own statements, no test reads the counter, or a test cannot be read.
 */
export function budgetGatedPasses(episode: WhileLoop, inner: Statement, budget: CountedWhile, start: number, bound: number, evaluate: (e: Expression) => Value | undefined, text: string): (GatedPasses & { tests: Expression[] }) | undefined {
  const counter = dottedName(budget.counter);
  const tests = testsOnTheWay(episode.body, inner);
  if (!counter || !tests || tests.length === 0) return undefined;
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
