// PPO's update epochs (Schulman et al. 2017, "Proximal Policy Optimization Algorithms", Algorithm 1: each iteration
// runs the policy in N actors for T timesteps, then optimizes the surrogate "with K epochs and minibatch size M ≤ NT").
// A loop named for epochs inside a loop that first plays its environments walks that rollout again, not a data set:
// its count multiplies the optimizer steps as any counted loop around a step loop does, and is no epoch of the run
// (issue 21: cleanrl-style `for update in ...: for step in range(num_steps): envs.step(...)` then
// `for epoch in range(update_epochs): for start in range(0, batch_size, minibatch_size):`).
import type { Expression, Statement } from "../python/ast";
import { callsInBody, dottedName } from "../python/syntax-walk";
import type { Value } from "../interp/values";
import { stepsEnvironment } from "./rollout-batch";

/** The object stepped, by name: one environment or a vector of them (`envs.step(actions)`, `self.vec_env.step(a)`). */
const ENVIRONMENTS = /(^|\.)(vec_?)?(envs?|environments?|games?)$/i;

/**
 * Whether `epochLoop` passes again over a rollout that one of the loops around it (`around`, loops of the same function
 * holding it) collects first: that loop's body steps an environment before the epoch loop starts (directly, or in a
 * method of a project object that steps `self.env`, read with `evaluate`).
 */
export function replaysRollout(epochLoop: Statement, around: readonly Extract<Statement, { type: "for" | "while" }>[], evaluate: (e: Expression) => Value | undefined): boolean {
  const before = around.flatMap((outer) => callsInBody(outer.body).filter((c) => c.pos.startIndex < epochLoop.pos.startIndex && c.func.type === "attribute"));
  // The environment stepped by name first; a project object's methods only then, as reading them evaluates the object.
  if (before.some((c) => c.func.type === "attribute" && c.func.name === "step" && ENVIRONMENTS.test(dottedName(c.func.object) ?? ""))) return true;
  return before.some((c) => stepsEnvironment(c, evaluate));
}
