// An episode loop that ends only when the environment says so (`while True: ... obs, r, done, _ = env.step(a); if
// done: break`, or `while not done:`) runs a fixed number of steps when the environment never terminates by itself:
// gym's TimeLimit wrapper ends its episodes at `spec.max_episode_steps` (Pendulum's 200, HalfCheetah's 1000), and
// `done` is true there and only there (gym 0.21-0.25 step API; gymnasium.farama.org/environments, each page's
// "Episode End"). An environment that terminates (CartPole falling, Hopper unhealthy) leaves the length unknown.
import type { Expression, Statement } from "../python/ast";
import type { Value } from "../interp/values";

type EpisodeLoop = Extract<Statement, { type: "while" | "for" }>;

/** Why an episode loop's length is the environment's: the environment expression and the flag that ends it. */
export interface EnvironmentEpisode {
  env: Expression;
  done: string;
}

/**
 * The environment whose `done` alone ends a `while True:` (every `break` of the loop's own body under `if done:`) or
 * `while not done:` loop, or cuts short a counted `for t in range(max_steps):` the same way, from the loop's own
 * `... , done, ... = env.step(...)`; undefined for any other loop.
 */
export function environmentEpisode(loop: EpisodeLoop): EnvironmentEpisode | undefined {
  const test = loop.type === "while" ? loop.test : undefined;
  const negated = test?.type === "unary" && test.op === "not" && test.operand.type === "name" ? test.operand.id : undefined;
  const forever = loop.type === "for" || (test?.type === "constant" && test.value === "True");
  if (!negated && !forever) return undefined;
  let step: { env: Expression; flags: string[] } | undefined;
  // The innermost `if` test each `break` of the loop's own body sits under (none: an unconditional break).
  const breaks: (Expression | undefined)[] = [];
  const visit = (block: Statement[], guard: Expression | undefined) => {
    for (const s of block) {
      if (s.type === "assign" && s.value.type === "call" && s.value.func.type === "attribute" && s.value.func.name === "step" && s.targets.length === 1 && s.targets[0].type === "tuple") {
        step ??= { env: s.value.func.object, flags: s.targets[0].items.flatMap((e) => (e.type === "name" ? [e.id] : [])) };
      }
      if (s.type === "break") breaks.push(guard);
      else if (s.type === "if") {
        visit(s.body, s.test);
        visit(s.orelse, undefined);
      } else if (s.type === "with") visit(s.body, guard);
    }
  };
  visit(loop.body, undefined);
  if (!step) return undefined;
  if (negated) return breaks.length === 0 && step.flags.includes(negated) ? { env: step.env, done: negated } : undefined;
  const names = breaks.map((g) => (g?.type === "name" ? g.id : undefined));
  const done = names.length > 0 && names.every((n) => n !== undefined && n === names[0]) ? names[0] : undefined;
  return done !== undefined && step.flags.includes(done) ? { env: step.env, done } : undefined;
}

/** The steps of each episode of an environment that never terminates by itself: its time limit; else undefined. */
export function fixedEpisodeSteps(env: Value | undefined): number | undefined {
  if (env?.kind !== "instance") return undefined;
  const spec = env.attributes.get("spec");
  if (spec?.kind !== "instance") return undefined;
  const terminates = spec.attributes.get("terminates");
  const steps = spec.attributes.get("max_episode_steps");
  return terminates?.kind === "bool" && !terminates.value && steps?.kind === "int" && steps.value > 0 ? Number(steps.value) : undefined;
}
