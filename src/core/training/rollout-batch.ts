// The batch of an n-step actor-critic update (A3C, A2C on one environment; issue 21): each pass of the step loop first
// plays `for step in range(num_steps):` in its environment, then backpropagates the loss over those steps once. The
// update's batch is the rollout, num_steps transitions (Mnih et al. 2016, "Asynchronous Methods for Deep Reinforcement
// Learning", Algorithm S3: t_max steps a worker, then one gradient; the episode goes on across updates, reset only when
// it ends). Vectorized environments step many at once (the rollout is num_steps × the environments), so a file that
// makes them is left to other rules, and so is an update over a whole episode (the environment reset on every pass).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsIn, callsInBody, dottedName } from "../python/syntax-walk";
import { moduloZero } from "./loop-shape";
import { instanceMethod } from "../interp/classes";
import type { Value } from "../interp/values";

/** Vectorized environments (gym.vector, stable-baselines' VecEnv, `envs.step(actions)` of many at once). */
const VECTORIZED = /VecEnv|make_vec_env|gym(nasium)?\.vector|\benvs\.step\s*\(/;
/** An environment's step, by the name of the object stepped (`env.step(action)`, `self.env.step(a)`). */
const ENV_STEP = /(^|\.)(env|environment|game)$/i;

/** The rollout loop of a step loop and its length expression; undefined when the loop has none. */
export interface RolloutBatch {
  size: Expression;
  loop: Extract<Statement, { type: "for" }>;
}

/**
 * The `for _ in range(N):` that a step loop's body runs before its backward pass, stepping an environment (directly or
 * in a method it calls on an object, read with `evaluate` where the loop is), with no backward pass of its own.
 */
export function rolloutBatch(stepLoopBody: Statement[], text: string, evaluate: (e: Expression) => Value | undefined): RolloutBatch | undefined {
  if (VECTORIZED.test(text)) return undefined;
  const backward = callsInBody(stepLoopBody).find((c) => c.func.type === "attribute" && c.func.name === "backward");
  if (!backward) return undefined;
  for (const s of stepLoopBody) {
    if (s.pos.startIndex >= backward.pos.startIndex) break;
    // `state = env.reset()` on every pass: each update plays a whole episode (REINFORCE, a Monte-Carlo actor-critic),
    // whose length the environment decides, not a rollout of num_steps cut from an episode that goes on.
    if ((s.type === "assign" || s.type === "expression") && callsInBody([s]).some((c) => c.func.type === "attribute" && c.func.name === "reset")) return undefined;
    if (s.type !== "for" || s.iter.type !== "call" || dottedName(s.iter.func) !== "range" || s.iter.args.length !== 1 || s.iter.args[0].kind !== "positional") continue;
    const calls = callsInBody(s.body);
    if (calls.some((c) => c.func.type === "attribute" && c.func.name === "backward")) continue;
    // A loop inside it that steps the environment plays a game each pass (`for game in range(8): ... while not done:
    // env.step(a)`): it counts episodes, not steps (episode-update-batch.ts).
    if (s.body.some((b) => (b.type === "for" || b.type === "while") && callsInBody(b.body).some((c) => stepsEnvironment(c, evaluate)))) continue;
    if (calls.some((c) => stepsEnvironment(c, evaluate))) return { size: s.iter.args[0].value, loop: s };
  }
  return undefined;
}

/** Whether a call steps an environment: `env.step(a)`, or a method of a project object whose body (or a method it
 *  calls on itself) does (`player.action_train()` → `self.env.step(action)`). */
export function stepsEnvironment(call: Extract<Expression, { type: "call" }>, evaluate: (e: Expression) => Value | undefined): boolean {
  if (call.func.type !== "attribute") return false;
  if (call.func.name === "step" && ENV_STEP.test(dottedName(call.func.object) ?? "")) return true;
  if (call.func.object.type !== "name") return false;
  const object = evaluate(call.func.object);
  if (object?.kind !== "instance" || object.module) return false;
  const first = instanceMethod(object, call.func.name)?.definition;
  const read: FunctionDefinition[] = first ? [first] : [];
  for (let i = 0; i < read.length && i < 4; i++) {
    const self = read[i].params[0]?.name;
    for (const c of callsInBody(read[i].body)) {
      if (c.func.type !== "attribute") continue;
      if (c.func.name === "step" && ENV_STEP.test(dottedName(c.func.object) ?? "")) return true;
      const helper = c.func.object.type === "name" && c.func.object.id === self ? instanceMethod(object, c.func.name)?.definition : undefined;
      if (helper && !read.includes(helper)) read.push(helper);
    }
  }
  return false;
}

/** The gate and period of an every-N update that backpropagates the transitions gathered since the last one. */
export interface PeriodicRollout {
  period: Expression;
  gate: Extract<Statement, { type: "if" }>;
}

/**
 * An n-step update taken every N environment steps (Mnih et al. 2016's t_max, MorvanZhou's A3C: `if total_step %
 * UPDATE_GLOBAL_ITER == 0 or done: push_and_pull(..., buffer_s, buffer_a, buffer_r, ...)` then `buffer_s, ... = [],
 * ...`): a step loop that steps one environment and appends to a list on each pass, and under an `if` whose test is (or
 * has, beside `or`) `x % N == 0` calls the update and empties that list, backpropagates up to N transitions.
 */
export function periodicRollout(stepLoopBody: Statement[], text: string): PeriodicRollout | undefined {
  if (VECTORIZED.test(text)) return undefined;
  const own = stepLoopBody.flatMap((s) => (s.type === "if" ? [s] : []));
  const calls = callsInBody(stepLoopBody.filter((s) => s.type !== "if" && s.type !== "for" && s.type !== "while"));
  if (!calls.some((c) => c.func.type === "attribute" && c.func.name === "step" && ENV_STEP.test(dottedName(c.func.object) ?? ""))) return undefined;
  const appended = new Set(calls.flatMap((c) => (c.func.type === "attribute" && c.func.name === "append" && c.func.object.type === "name" ? [c.func.object.id] : [])));
  if (appended.size === 0) return undefined;
  for (const gate of own) {
    const period = [gate.test, ...(gate.test.type === "boolean" && gate.test.op === "or" ? [gate.test.left, gate.test.right] : [])].map((t) => moduloZero(t, "==")).find((p) => p !== undefined);
    if (!period || !gate.body.some((s) => callsIn(s, true).length > 0)) continue;
    if (gate.body.some((s) => emptiesList(s, appended))) return { period, gate };
  }
  return undefined;
}

/** `buf = []`, `a, b = [], []` or `buf.clear()` of one of the lists. */
export function emptiesList(s: Statement, lists: ReadonlySet<string>): boolean {
  if (s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute" && s.value.func.name === "clear" && s.value.func.object.type === "name") return lists.has(s.value.func.object.id);
  if (s.type !== "assign") return false;
  const empty = (e: Expression) => e.type === "list" && e.items.length === 0;
  return s.targets.some((t) => {
    if (t.type === "name") return lists.has(t.id) && empty(s.value);
    if ((t.type === "tuple" || t.type === "list") && (s.value.type === "tuple" || s.value.type === "list")) {
      const values = s.value.items;
      return t.items.some((x, i) => x.type === "name" && lists.has(x.id) && values[i] !== undefined && empty(values[i]));
    }
    return false;
  });
}
