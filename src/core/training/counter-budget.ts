// A run whose length is a budget of counted steps (reinforcement learning's environment steps): `while total_steps <
// max_train_steps:` around episodes of unstated length, each `while not done:` pass taking an environment step,
// adding one to the counter and training once (`agent.learn(buffer)`). Python checks the budget only between
// episodes, so the step loop runs bound − start passes, give or take the last episode's overshoot: that is the run's
// count of training steps, where the episode loop's own length is unknown.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsIn, childBodies, dottedName, forEachStatement } from "../python/syntax-walk";
import { moduloZero } from "./loop-shape";
import { addsOne, type CountedWhile } from "./while-epochs";

type WhileLoop = Extract<Statement, { type: "while" }>;
type Loop = Extract<Statement, { type: "for" | "while" }>;

/** The `while counter < bound:` among `enclosing` whose counter the step loop adds one to on each of its own passes
 *  (at its own level, once, no `continue`), and which the outer loop does not count itself. */
export function counterBudget(stepLoop: Loop, enclosing: WhileLoop[]): (CountedWhile & { loop: WhileLoop }) | undefined {
  if (stepLoop.body.some((s) => s.type === "continue")) return undefined;
  for (const outer of enclosing) {
    const test = outer.test;
    if (test.type !== "compare" || test.ops.length !== 1 || (test.ops[0] !== "<" && test.ops[0] !== "<=")) continue;
    const name = dottedName(test.left);
    if (name === undefined) continue;
    if (stepLoop.body.filter((s) => addsOne(s, name)).length !== 1) continue;
    // Counted by the outer loop's own statements too, it is the outer loop's counter (while-epochs.ts), not a budget.
    if (outer.body.some((s) => addsOne(s, name))) continue;
    return { counter: test.left, bound: test.comparators[0], inclusive: test.ops[0] === "<=", loop: outer };
  }
  return undefined;
}

/** A call of a training function from inside an episode loop: the loops around the call (outermost first) and the
 *  `counter % E == 0` test that gates it, if one does. */
export interface EpisodeCall {
  loops: Loop[];
  every?: { counter: string; period: Expression };
  /** The one `if` between the innermost loop and the call, when there is exactly one. */
  gate?: Extract<Statement, { type: "if" }>;
}

/** Whether a loop takes environment steps, in its body or a loop inside it: gym's `obs, reward, done, info =
 *  env.step(action)` (a `.step(...)` whose result is unpacked; an optimizer's step returns None). */
function takesEnvironmentSteps(loop: Loop): boolean {
  let found = false;
  forEachStatement(loop.body, ({ statement: s }) => {
    if (!found && s.type === "assign" && s.value.type === "call" && s.value.func.type === "attribute" && s.value.func.name === "step" && s.targets.some((t) => t.type === "tuple" || t.type === "list")) found = true;
  }, [], () => false);
  return found;
}

/**
 * The calls of `fn` (by its name, as a function or a method) made inside a loop that takes environment steps, in the
 * functions of `body` other than `fn`: a training function an episode loop calls runs its whole step loop on each
 * call (PPO's `if time_step % update_timestep == 0: ppo.update()`), so that loop's count is per call, not the run's.
 */
export function episodeCalls(body: Statement[], fn: FunctionDefinition, enter: (def: FunctionDefinition) => boolean): EpisodeCall[] {
  const out: EpisodeCall[] = [];
  forEachStatement(body, ({ statement: s, ancestors }) => {
    if (ancestors.includes(fn) || s === fn) return;
    const loops = ancestors.filter((a): a is Loop => a.type === "for" || a.type === "while");
    if (loops.length === 0) return;
    for (const call of callsIn(s, false)) {
      const name = call.func.type === "attribute" ? call.func.name : call.func.type === "name" ? call.func.id : undefined;
      if (name !== fn.name) continue;
      const innermost = loops[loops.length - 1];
      if (!takesEnvironmentSteps(innermost)) continue;
      // `if counter % E == 0:` between the episode loop and the call.
      const gates = ancestors.slice(ancestors.indexOf(innermost) + 1).filter((a): a is Extract<Statement, { type: "if" }> => a.type === "if");
      const gate = gates.map((g) => ({ g, period: moduloZero(g.test, "==") })).find((x) => x.period !== undefined);
      const counter = gate && gate.g.test.type === "compare" && gate.g.test.left.type === "binary" ? dottedName(gate.g.test.left.left) : undefined;
      out.push({ loops, ...(gate?.period && counter ? { every: { counter, period: gate.period } } : {}), ...(gates.length === 1 ? { gate: gates[0] } : {}) });
    }
  }, [], enter);
  return out;
}

/** The `if` test each `break` of a loop's own statements sits under, innermost (undefined: a break under no `if`). */
export function breakGuards(loop: Loop): (Expression | undefined)[] {
  const guards: (Expression | undefined)[] = [];
  const visit = (body: Statement[], guard: Expression | undefined) => {
    for (const s of body) {
      if (s.type === "break") guards.push(guard);
      else if (s.type === "if") {
        visit(s.body, s.test);
        visit(s.orelse, undefined);
      } else if (s.type !== "for" && s.type !== "while" && s.type !== "function" && s.type !== "class") for (const b of childBodies(s)) visit(b, guard);
    }
  };
  visit(loop.body, undefined);
  return guards;
}

/** Whether a loop's own statements (not those of loops or functions inside it) hold a `break`. */
export function breaksEarly(loop: Loop): boolean {
  const visit = (body: Statement[]): boolean => body.some((s) => s.type === "break" || (s.type !== "for" && s.type !== "while" && s.type !== "function" && s.type !== "class" && childBodies(s).some(visit)));
  return visit(loop.body);
}
