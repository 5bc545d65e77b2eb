// A vector environment steps n copies of one environment together, and its observations come batched over them:
// gym 0.21-0.26 and Gymnasium's `VectorEnv.step(actions)` return observations whose first dimension is `num_envs`
// (gym/vector/vector_env.py, gymnasium.farama.org/api/vector: "batched observations"). A step budget counted in
// environment steps (`while timestep < total: obs, r, d, _ = envs.step(a); timestep += len(obs)`) therefore advances by
// `num_envs` each pass, so its passes are the budget over that count.
import type { Expression, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { positiveInteger } from "../interp/value-figures";
import { forEachStatement } from "../python/syntax-walk";

/** Name-to-name hops followed back from the measured name (`obs = next_obs`), at most. */
const MAX_HOPS = 3;

/** The environments of a vector environment whose step gave the observations `len(...)` measures in `stride`
 *  (`len(obs)` for `obs, rewards, dones, infos = envs.step(actions)` in the same loop body, maybe through a plain
 *  rebinding `obs = next_obs`); undefined for any other stride or an environment that is no vector one. */
export function vectorObservationCount(stride: Expression, body: Statement[], evaluate: (e: Expression) => Value | undefined): number | undefined {
  if (stride.type !== "call" || stride.func.type !== "name" || stride.func.id !== "len" || stride.args.length !== 1) return undefined;
  const measured = stride.args[0].value;
  if (measured.type !== "name") return undefined;
  let name = measured.id;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const source = bindingOf(body, name);
    if (!source) return undefined;
    if (source.kind === "rename") {
      name = source.from;
      continue;
    }
    return environmentCount(evaluate(source.env));
  }
  return undefined;
}

type Binding = { kind: "rename"; from: string } | { kind: "step"; env: Expression };

/** How the loop body binds `name`: from another name, or as the first item a `.step(...)` call's result unpacks to. */
function bindingOf(body: Statement[], name: string): Binding | undefined {
  let found: Binding | undefined;
  let bindings = 0;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.targets.length !== 1) return;
    const target = s.targets[0];
    if (target.type === "name" && target.id === name) {
      bindings++;
      if (s.value.type === "name") found = { kind: "rename", from: s.value.id };
    } else if (target.type === "tuple" && target.items[0]?.type === "name" && target.items[0].id === name) {
      bindings++;
      const v = s.value;
      if (v.type === "call" && v.func.type === "attribute" && v.func.name === "step") found = { kind: "step", env: v.func.object };
    }
  }, [], () => false);
  // A name bound more than once in the body may hold something else when it is measured.
  return bindings === 1 ? found : undefined;
}

/** `num_envs` of a vector environment (an object that has it beside `single_observation_space`, as VectorEnv sets). */
function environmentCount(env: Value | undefined): number | undefined {
  if (env?.kind !== "instance" || !env.attributes.has("single_observation_space")) return undefined;
  return positiveInteger(env.attributes.get("num_envs"));
}
