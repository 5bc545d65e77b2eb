// A scikit-learn estimator built in a function of another project file and handed back to the script (`model =
// build_model()`, the function returning `make_pipeline(StandardScaler(), SGDClassifier(...))`): its `model.fit(X, y)`
// is the estimator's (scikit-learn.org/stable/developers/develop.html: fit(X, y) trains on the arrays in one call), not
// Keras' Model.fit with its default epochs=1 and batch_size=32.
import type { Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { buildsEstimator, returnedValues } from "../keras/sklearn-wrapper";
import { bindingCall } from "./returned-lightning-trainer";

/** True when `name` was bound from a call of a project function every `return` of which hands back a scikit-learn
 *  estimator its module builds; `callee` evaluates the called function where the name is used. */
export function boundFromEstimatorFactory(body: Statement[], name: string, callee: (e: Expression) => Value | undefined, moduleBody: (file: string) => Statement[] | undefined): boolean {
  const call = bindingCall(body, name);
  if (call?.type !== "call") return false;
  const fn = callee(call.func);
  if (fn?.kind !== "function" || fn.definition.type !== "function" || !fn.module.file) return false;
  const own = moduleBody(fn.module.file);
  if (!own) return false;
  const definition = fn.definition;
  const returns = returnedValues(definition);
  return returns.length > 0 && returns.every((r) => buildsEstimator(r, definition.body, own));
}
