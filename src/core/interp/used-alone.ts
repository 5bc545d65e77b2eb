// Models a program uses on their own: a Keras functional model that another model's graph calls (a VAE's decoder) is
// that model's component, yet the program may also run it alone (`decoder.predict(z_grid)`): then it is a model of its
// own as well, as the notebook shows it.
import type { Statement } from "../python/ast";
import { callsInBody } from "../python/syntax-walk";

/** Keras Model methods that run, train or show a model as itself (keras.io/api/models/model_training_apis, model.summary). */
const OWN_USE_METHODS = new Set(["predict", "predict_on_batch", "fit", "evaluate", "summary", "compile"]);

/** Names the top level (nested blocks included, function and class bodies not) calls a model-use method on. */
export function namesUsedAlone(body: Statement[]): Set<string> {
  const out = new Set<string>();
  for (const call of callsInBody(body)) {
    if (call.func.type === "attribute" && call.func.object.type === "name" && OWN_USE_METHODS.has(call.func.name)) out.add(call.func.object.id);
  }
  return out;
}
