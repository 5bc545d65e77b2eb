// A scikit-learn estimator built in a function of another project file and handed back to the script (`model =
// build_model()`, the function returning `make_pipeline(StandardScaler(), SGDClassifier(...))`): its `model.fit(X, y)`
// is the estimator's (scikit-learn.org/stable/developers/develop.html: fit(X, y) trains on the arrays in one call), not
// Keras' Model.fit with its default epochs=1 and batch_size=32.
import type { Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { estimatorKind } from "../keras/sklearn-wrapper";
import { dottedName, forEachStatement } from "../python/syntax-walk";
import { bindingCall } from "./returned-lightning-trainer";

/** Whether an expression of a function's body is a scikit-learn-API estimator its module builds: a call of a callee
 *  the module imports from scikit-learn (or xgboost, lightgbm, catboost), or a name the body binds from one. */
function builtEstimator(e: Expression | undefined, fnBody: Statement[], moduleBody: Statement[]): boolean {
  if (e?.type === "name") e = bindingCall(fnBody, e.id);
  if (e?.type !== "call") return false;
  const callee = dottedName(e.func);
  return callee !== undefined && estimatorKind(callee, moduleBody) === "sklearn";
}

/** True when `name` was bound from a call of a project function every `return` of which hands back a scikit-learn
 *  estimator its module builds; `callee` evaluates the called function where the name is used. */
export function boundFromEstimatorFactory(body: Statement[], name: string, callee: (e: Expression) => Value | undefined, moduleBody: (file: string) => Statement[] | undefined): boolean {
  const call = bindingCall(body, name);
  if (call?.type !== "call") return false;
  const fn = callee(call.func);
  if (fn?.kind !== "function" || fn.definition.type !== "function" || !fn.module.file) return false;
  const own = moduleBody(fn.module.file);
  if (!own) return false;
  const returns: (Expression | undefined)[] = [];
  // The function's own returns, not those of functions nested in it.
  forEachStatement(fn.definition.body, ({ statement: s }) => {
    if (s.type === "return") returns.push(s.value);
  }, [], () => false);
  const fnBody = fn.definition.body;
  return returns.length > 0 && returns.every((r) => builtEstimator(r, fnBody, own));
}
