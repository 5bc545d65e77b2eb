// Inputs a Keras model reads from the gym environment a program makes. A reinforcement-learning agent's subclassed
// network (`class Critic(tf.keras.Model)` of `Dense(512)` layers) declares no input: Keras builds it on its first call,
// with the observations the environment gives (`self.model(state)`, `predict(obs[None])`), so without them the model
// had no parameters and its training run no figures. The environment's observation space has the shape (the table in
// gym-package.ts, from the Gymnasium documentation); a critic called on (state, action) reads the action space too.
import { GYM_ENVIRONMENTS } from "../interp/gym-package";
import type { InputSpec } from "../report/model-report";

/**
 * Batches of one observation of each known gym environment the text makes (`gym.make("CartPole-v1")`, or an id the
 * text names as a string beside a `make(` call: `ENV_NAME = "CartPole-v1"; gym.make(ENV_NAME)`), float32 as Box
 * spaces give them, and the same observation beside one action where the action space is a Box (a critic's
 * `call(state, action)`); those of the model's own arity (`inputs`, the call's parameters with no default) come first,
 * since Keras takes the shapes of a model's first call as its own even when that call fails. A Discrete observation
 * space (an index) is left out: its encoding is the program's.
 */
export function gymObservationInputs(text: string, inputs?: number): InputSpec[][] {
  if (!/\bmake\s*\(/.test(text)) return [];
  const single: InputSpec[][] = [];
  const paired: InputSpec[][] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(/["']([A-Za-z][\w-]*-v\d+)["']/g)) {
    const env = GYM_ENVIRONMENTS[m[1]];
    if (!env || !("box" in env.observation) || seen.has(m[1])) continue;
    seen.add(m[1]);
    const observation: InputSpec = { shape: [1, ...env.observation.box], dtype: "float32" };
    single.push([observation]);
    if ("box" in env.action) paired.push([observation, { shape: [1, ...env.action.box], dtype: "float32" }]);
  }
  return inputs === 2 ? [...paired, ...single] : [...single, ...paired];
}
