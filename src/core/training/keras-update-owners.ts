// Keras models trained batch by batch: `model.train_on_batch(x, y)` is "a single gradient update on a single batch"
// (keras.io, Model training APIs, Keras 2.x and 3.x) with the optimizer the model was compiled with, so a compiled
// model is its own optimizer and each call one step. A Keras GAN (`critic.train_on_batch` in `for _ in range(n_critic)`,
// `combined.train_on_batch` once an iteration) steps its networks at cadences of their own, as torch optimizers do.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { dottedName, forEachStatement } from "../python/syntax-walk";

/** The model a statement's call trains one batch on (`self.critic.train_on_batch(x, y)`: `self.critic`). */
export function kerasBatchTrained(e: Expression): string | undefined {
  if (e.type !== "call" || e.func.type !== "attribute" || e.func.name !== "train_on_batch") return undefined;
  return dottedName(e.func.object);
}

/** Each name or attribute the file compiles as a Keras model (`self.combined.compile(loss=..., optimizer=...)`), with
 *  the last part of its chain: the model its train_on_batch steps. */
export function kerasCompiledOwners(body: Statement[], enter: (def: FunctionDefinition) => boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "expression" || s.value.type !== "call" || s.value.func.type !== "attribute" || s.value.func.name !== "compile") return;
    const model = dottedName(s.value.func.object);
    // Only a compile given an optimizer or a loss is Keras' (re.compile(pattern) takes neither).
    const keras = s.value.args.some((a) => a.kind === "keyword" && (a.name === "optimizer" || a.name === "loss"));
    const last = model?.split(".").pop();
    if (model && last && keras) out.set(model, [last]);
  }, [], enter);
  return out;
}
