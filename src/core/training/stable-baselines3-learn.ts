// Stable-Baselines3 runs its own training loop: `model.learn(total_timesteps=N)` steps the environment N times and
// takes gradient steps as the algorithm's loop does (stable_baselines3 2.x, read in 2.9.0a4):
// - on-policy (common/on_policy_algorithm.py learn): rollouts of n_steps × n_envs timesteps until N is reached, so
//   ceil(N / (n_steps · n_envs)) rollouts; after each, PPO (ppo/ppo.py train) runs n_epochs passes over the rollout
//   buffer in minibatches of batch_size (rollout_buffer.get yields ceil(n_steps · n_envs / batch_size) of them), each
//   one optimizer step; A2C (a2c/a2c.py train) takes one step on the whole rollout (batch n_steps · n_envs).
// - off-policy (common/off_policy_algorithm.py learn): rollouts of train_freq steps of the n_envs copies; after each
//   rollout that leaves num_timesteps above learning_starts, gradient_steps steps of batch_size samples from the
//   replay buffer (-1: as many as the rollout's timesteps). A train_freq counted in episodes depends on the episodes'
//   lengths, so the steps are not known from the code.
// The attributes are those the algorithm's constructor sets, with SB3's own names (stable-baselines3-package.ts).
import type { InstanceValue, Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

type Figure = { value: number; detail: string };

const SOURCE = "stable_baselines3 2.x";

const intOf = (v: Value | undefined): number | undefined => (v?.kind === "int" ? v.value : v?.kind === "float" && Number.isInteger(v.value) ? v.value : undefined);

/** The gradient steps and the batch of each that `model.learn(...)` takes, where the receiver is one of SB3's
 *  algorithms; undefined where it is not, each figure undefined where the code leaves it unknown. */
export function stableBaselines3Learn(call: CallExpression, evaluate: (e: Expression) => Value | undefined, snippet: (e: Expression) => string): { steps?: Figure; batch?: Figure; note?: string } | undefined {
  if (call.func.type !== "attribute" || call.func.name !== "learn") return undefined;
  const algorithm = evaluate(call.func.object);
  if (algorithm?.kind !== "instance") return undefined;
  const attribute = (name: string) => algorithm.attributes.get(name);
  const loop = attribute("_greenlight_loop");
  if (loop?.kind !== "str") return undefined;
  const timestepsArgument = positionalArgument(call, 0) ?? keywordArgument(call, "total_timesteps");
  const total = timestepsArgument ? intOf(evaluate(timestepsArgument)) : undefined;
  const envs = intOf(attribute("n_envs"));
  const learn = timestepsArgument ? `learn(${snippet(timestepsArgument)})` : "learn()";
  const name = algorithm.cls.name;
  // A policy the stand-in could not build (the environment's spaces unknown): the run's figures stand, and the note
  // says why no network carries them.
  const policy = attribute("policy");
  const note = policy?.kind === "unknown" ? `model: ${name}'s policy is not built: ${policy.reason}` : undefined;
  return { ...loopFigures(algorithm, loop.value, total, envs, learn, name), ...(note ? { note } : {}) };
}

/** The steps and batch of the algorithm's loop: on-policy rollouts, or replay (replaySteps). */
function loopFigures(algorithm: InstanceValue, loop: string, total: number | undefined, envs: number | undefined, learn: string, name: string): { steps?: Figure; batch?: Figure } {
  const attribute = (key: string) => algorithm.attributes.get(key);
  if (loop === "replay") return replaySteps(algorithm, total, envs, learn, name);
  const rolloutSteps = intOf(attribute("n_steps"));
  const rollout = rolloutSteps !== undefined && envs !== undefined ? rolloutSteps * envs : undefined;
  const rollouts = total !== undefined && rollout ? Math.ceil(total / rollout) : undefined;
  const rolloutText = `${rollouts} rollouts of n_steps ${rolloutSteps} × ${envs} environments`;
  if (loop === "whole rollout") {
    return {
      batch: rollout !== undefined ? { value: rollout, detail: `${name}: one step on each rollout of n_steps ${rolloutSteps} × ${envs} environments (${SOURCE})` } : undefined,
      steps: rollouts !== undefined ? { value: rollouts, detail: `${name}.${learn}: ${rolloutText}, one step each (${SOURCE})` } : undefined,
    };
  }
  const batch = intOf(attribute("batch_size"));
  const epochs = intOf(attribute("n_epochs"));
  const minibatches = rollout !== undefined && batch ? Math.ceil(rollout / batch) : undefined;
  return {
    batch: batch !== undefined ? { value: batch, detail: `${name}'s batch_size=${batch} (${SOURCE})` } : undefined,
    steps: rollouts !== undefined && minibatches !== undefined && epochs !== undefined
      ? { value: rollouts * epochs * minibatches, detail: `${name}.${learn}: ${rolloutText}, each n_epochs ${epochs} × ${minibatches} minibatches of ${batch} (${SOURCE})` }
      : undefined,
  };
}

/** An off-policy algorithm's gradient steps: after each train_freq rollout past learning_starts. */
function replaySteps(algorithm: InstanceValue, total: number | undefined, envs: number | undefined, learn: string, name: string): { steps?: Figure; batch?: Figure } {
  const attribute = (key: string) => intOf(algorithm.attributes.get(key));
  const batch = attribute("batch_size");
  const frequency = algorithm.attributes.get("train_freq");
  // train_freq=4 or (4, "step"): every 4 steps; (1, "episode") depends on the episodes' lengths.
  const every = frequency?.kind === "tuple" ? (frequency.items[1]?.kind === "str" && frequency.items[1].value === "step" ? intOf(frequency.items[0]) : undefined) : intOf(frequency);
  const starts = attribute("learning_starts");
  const gradientSteps = attribute("gradient_steps");
  let steps: Figure | undefined;
  if (total !== undefined && envs !== undefined && every && starts !== undefined && gradientSteps !== undefined) {
    const rollout = every * envs;
    const trained = Math.max(0, Math.ceil(total / rollout) - Math.floor(starts / rollout));
    const perRollout = gradientSteps >= 0 ? gradientSteps : rollout;
    steps = { value: trained * perRollout, detail: `${name}.${learn}: ${trained} rollouts of train_freq ${every} × ${envs} environments after learning_starts ${starts}, gradient_steps ${perRollout} each (${SOURCE})` };
  }
  return { steps, batch: batch !== undefined ? { value: batch, detail: `${name}'s batch_size=${batch} (${SOURCE})` } : undefined };
}
