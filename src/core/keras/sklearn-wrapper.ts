// scikit-learn-API estimators and Keras' scikit-learn wrappers. An estimator of scikit-learn (LabelEncoder,
// RandomForestClassifier, a Pipeline, GridSearchCV) or of a library that follows its API (xgboost, LightGBM, CatBoost)
// shares Keras' method name `fit`, but its fit trains no Keras model: `encoder.fit(Y)` is not a one-epoch Keras run.
// Keras' wrappers (KerasClassifier and KerasRegressor: keras.wrappers.scikit_learn in Keras 2.0-2.11 and tf.keras up
// to TF 2.11, scikeras.wrappers since) do: each fit of the wrapper builds the model with build_fn and runs one
// Model.fit with the wrapper's fit arguments (sk_params: epochs, batch_size; fit's defaults epochs=1 and batch 32 where
// absent), and scikit-learn's cross-validation functions fit it once a fold: cross_val_score, cross_validate and
// cross_val_predict with cv=k, a splitter's n_splits (× n_repeats), or 5 folds without cv (scikit-learn 0.22+; 3 in
// 0.17's sklearn.cross_validation). A script comparing configurations builds several wrappers: each builder's model has
// the run of the wrappers built with it.
import type { Expression, Statement } from "../python/ast";
import { importedPath } from "../python/import-origin";
import { callsAnywhere, dottedName, forEachExpression, forEachStatement, keywordArgument, positionalArgument } from "../python/syntax-walk";
import { inputRows } from "../interp/value-figures";
import type { Value } from "../interp/values";
import type { CodeSite } from "../training/code-sites";

type CallSite = Extract<CodeSite, { kind: "call" }>;
type Figure = { value: number; detail: string; defaulted?: boolean };

const SKLEARN_API = /^(sklearn|xgboost|lightgbm|catboost)(\.|$)/;
const KERAS_WRAPPER = /^((keras|tf_keras|tensorflow\.keras|tensorflow\.python\.keras)\.wrappers\.scikit_learn|scikeras\.wrappers)\.Keras(Classifier|Regressor)$/;
const CROSS_VALIDATION = new Set(["cross_val_score", "cross_validate", "cross_val_predict"]);
/** scikit-learn's searches fit the estimator once a candidate and fold with the candidate's parameters, then refit. */
const SEARCH = /SearchCV$/;

/** What a callee builds by the file's imports: a scikit-learn-API estimator or function, or a Keras wrapper. */
export function estimatorKind(callee: string, body: Statement[]): "sklearn" | "keras-wrapper" | undefined {
  const path = importedPath(callee, body);
  if (path === undefined) return undefined;
  if (KERAS_WRAPPER.test(path)) return "keras-wrapper";
  return SKLEARN_API.test(path) ? "sklearn" : undefined;
}

/** The call site that last bound `name` before `at`, in the site's function or at module level. */
function bindingOf(name: string, at: CallSite, sites: readonly CodeSite[]): CallSite | undefined {
  return sites.filter((x): x is CallSite => x.kind === "call" && x.assignedTo.includes(name) && x.call.pos.startIndex < at.call.pos.startIndex && (x.context.fn === at.context.fn || x.context.fn === undefined)).pop();
}

/** The call that built a fit's receiver (`est` of `est.fit(...)`, or `Est()` of `Est().fit(...)`). */
function receiverCall(site: CallSite, sites: readonly CodeSite[]): Extract<Expression, { type: "call" }> | undefined {
  const func = site.call.func;
  if (func.type !== "attribute") return undefined;
  if (func.object.type === "call") return func.object;
  return func.object.type === "name" ? bindingOf(func.object.id, site, sites)?.call : undefined;
}

function calleeText(call: Extract<Expression, { type: "call" }>, text: string): string {
  return text.slice(call.func.pos.startIndex, call.func.pos.endIndex).replace(/\s+/g, "");
}

/** Whether a `.fit(...)` is a scikit-learn-API estimator's or a Keras wrapper's: no Keras Model.fit of the file's own
 *  (a wrapper's runs are read by kerasWrapperRun). */
export function estimatorFit(site: CallSite, sites: readonly CodeSite[], body: Statement[], text: string): boolean {
  const built = receiverCall(site, sites);
  return built !== undefined && estimatorKind(calleeText(built, text), body) !== undefined;
}

/** The epochs, batch and rows of the Keras fits a file's one Keras wrapper runs, where the code states how often it
 *  is fitted; `searched` where a search fits it with parameters of each candidate (the figures stay unknown). */
export interface WrapperRun {
  line: number;
  epochs?: Figure;
  batch?: Figure;
  rows?: Figure;
  searched?: boolean;
}

/** The function a wrapper builds its model with: `build_fn=` (Keras), `model=` (scikeras) or the first argument. */
function builderOf(wrapper: Extract<Expression, { type: "call" }>): string | undefined {
  const given = keywordArgument(wrapper, "build_fn") ?? keywordArgument(wrapper, "model") ?? positionalArgument(wrapper, 0);
  return given?.type === "name" ? given.id : undefined;
}

/** The functions the file's Keras wrappers build their models with, in the order the wrappers are written. */
export function kerasWrapperBuilders(body: Statement[]): string[] {
  const names = callsAnywhere(body).flatMap((c) => {
    const callee = dottedName(c.func);
    return callee && estimatorKind(callee, body) === "keras-wrapper" ? [builderOf(c)] : [];
  });
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

/**
 * The run of the model one builder makes (`builder`, by default the first wrapper's): the wrappers built with it
 * (a script comparing configurations builds several, `KerasClassifier(build_fn=create_baseline, ...)` then
 * `KerasClassifier(build_fn=create_larger, ...)`), the sklearn objects built around each (a Pipeline holding it, a list
 * it is appended to, a search over it), and each fit or cross-validation of one of them the plain run reaches.
 */
export function kerasWrapperRun(sites: readonly CodeSite[], body: Statement[], text: string, evaluate: (site: CallSite, e: Expression) => Value | undefined, reached: (site: CallSite) => boolean, builder?: string): WrapperRun | undefined {
  const calls = sites.filter((x): x is CallSite => x.kind === "call");
  const all = calls.filter((s) => estimatorKind(s.callee, body) === "keras-wrapper");
  if (all.length === 0) return undefined;
  const chosen = builder ?? builderOf(all[0].call);
  // One wrapper of an unnamed builder stands alone; several are read only by the builder they name.
  const wrappers = all.length === 1 ? all : all.filter((w) => chosen !== undefined && builderOf(w.call) === chosen);
  if (wrappers.length === 0) return undefined;
  // Each object that carries one of the wrappers (its call, a call built around it), with whether a search is on the way.
  const carriers = new Map<Extract<Expression, { type: "call" }>, { wrapper: CallSite; searched: boolean }>(wrappers.map((w) => [w.call, { wrapper: w, searched: false }]));
  // Lists carrying a wrapper (`estimators.append(("mlp", KerasClassifier(...)))`), from where they took it: a list
  // bound again afterwards (`estimators = []` for the next configuration) no longer carries it.
  const carrierLists = new Map<string, { wrapper: CallSite; searched: boolean; from: number }>();
  const rebound = new Map<string, number[]>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0]!.type !== "name") return;
    const name = s.targets[0]!.id;
    rebound.set(name, [...(rebound.get(name) ?? []), s.pos.startIndex]);
    // `estimators = [("scale", StandardScaler()), ("mlp", KerasClassifier(...))]`: a name bound to a literal holding it.
    if (s.value.type === "call") return;
    forEachExpression(s.value, (node) => {
      const held = node.type === "call" ? carriers.get(node) : undefined;
      if (held) carrierLists.set(name, { ...held, from: s.pos.endIndex });
    });
  });
  const listAt = (name: string, at: number) => {
    const held = carrierLists.get(name);
    return held && !(rebound.get(name) ?? []).some((b) => held.from <= b && b < at) ? held : undefined;
  };
  // The carrier an expression holds (the wrapper's call, a call or list built around it, a name bound to one), if any.
  const carried = (e: Expression, at: CallSite): { wrapper: CallSite; searched: boolean } | undefined => {
    let found: { wrapper: CallSite; searched: boolean } | undefined;
    const take = (c: { wrapper: CallSite; searched: boolean } | undefined) => { if (c) found = { wrapper: c.wrapper, searched: (found?.searched ?? false) || c.searched }; };
    forEachExpression(e, (node) => {
      if (node.type === "call") take(carriers.get(node));
      if (node.type !== "name") return;
      take(listAt(node.id, at.call.pos.startIndex));
      const bound = bindingOf(node.id, at, sites)?.call;
      if (bound) take(carriers.get(bound));
    });
    return found;
  };
  const run: WrapperRun = { line: wrappers[0].call.pos.line };
  const number = (site: CallSite, e: Expression | undefined): number | undefined => {
    const v = e ? evaluate(site, e) : undefined;
    return v?.kind === "int" && v.value > 0 ? v.value : undefined;
  };
  const rowsOf = (site: CallSite, e: Expression | undefined): number | undefined => (e ? inputRows(evaluate(site, e)) : undefined);
  // A wrapper's fit arguments (sk_params): its epochs a fit (Keras 1's nb_epoch too) and its batch.
  const epochsArgument = (w: CallSite) => keywordArgument(w.call, "epochs") ?? keywordArgument(w.call, "nb_epoch");
  const perFit = (w: CallSite) => { const e = epochsArgument(w); return e ? number(w, e) : 1; };
  const epochsCode = (w: CallSite) => {
    const e = epochsArgument(w);
    return e ? `${keywordArgument(w.call, "epochs") ? "epochs" : "nb_epoch"}=${text.slice(e.pos.startIndex, e.pos.endIndex)}` : "epochs=1";
  };
  const first = wrappers[0];
  const wrapperCode = calleeText(first.call, text);
  const batchArgument = keywordArgument(first.call, "batch_size");
  if (batchArgument) {
    const batch = number(first, batchArgument);
    if (batch !== undefined) run.batch = { value: batch, detail: `${wrapperCode}(batch_size=${text.slice(batchArgument.pos.startIndex, batchArgument.pos.endIndex)})` };
  } else run.batch = { value: 32, detail: `${wrapperCode} without batch_size: Keras Model.fit's default batch_size=32`, defaulted: true };
  let total = 0;
  let counted = true;
  let fits = 0;
  for (const site of calls) {
    // Calls after the first wrapper, and those holding one (`estimators.append(("mlp", KerasClassifier(...)))`).
    if (carriers.get(site.call)?.wrapper === site || site.call.pos.endIndex <= first.call.pos.startIndex) continue;
    const last = site.callee.split(".").pop() ?? "";
    const func = site.call.func;
    const args = site.call.args.map((a) => a.value);
    // `estimators.append(("mlp", KerasClassifier(...)))`: the list carries the wrapper into Pipeline(estimators).
    if (last === "append" && func.type === "attribute" && func.object.type === "name") {
      const held = args.map((a) => carried(a, site)).find((c) => c !== undefined);
      if (held) carrierLists.set(func.object.id, { ...held, from: site.call.pos.endIndex });
      continue;
    }
    const kind = estimatorKind(site.callee, body);
    if (kind === "sklearn" && CROSS_VALIDATION.has(last)) {
      const estimator = positionalArgument(site.call, 0) ?? keywordArgument(site.call, "estimator");
      const held = estimator ? carried(estimator, site) : undefined;
      if (held === undefined || !reached(site)) continue;
      fits += 1;
      if (held.searched) { run.searched = true; counted = false; continue; }
      const cv = keywordArgument(site.call, "cv");
      // Without cv: 5 folds (scikit-learn 0.22+), 3 in sklearn.cross_validation (0.17, removed in 0.20).
      const folds = cv ? splits(evaluate(site, cv)) : importedPath(site.callee, body)?.startsWith("sklearn.cross_validation.") ? 3 : 5;
      const each = perFit(held.wrapper);
      if (folds === undefined || each === undefined) { counted = false; continue; }
      total += folds * each;
      const n = rowsOf(site, positionalArgument(site.call, 1) ?? keywordArgument(site.call, "X"));
      const test = n !== undefined ? Math.floor(n / folds) + (n % folds > 0 ? 1 : 0) : undefined;
      if (n !== undefined && test !== undefined && !run.rows) run.rows = { value: n - test, detail: `${site.callee}(cv=${cv ? text.slice(cv.pos.startIndex, cv.pos.endIndex) : folds}): a fold's training part of ${n} rows` };
      if (!run.epochs) run.epochs = { value: 0, detail: `${site.callee}(cv=${cv ? text.slice(cv.pos.startIndex, cv.pos.endIndex) : `None: ${folds} folds`}) fits ${calleeText(held.wrapper.call, text)}(${epochsCode(held.wrapper)}) once a fold` };
      continue;
    }
    if (kind === "sklearn") {
      // A Pipeline holding the wrapper, a search over it: sklearn objects that fit it when they are fitted.
      const held = args.map((a) => carried(a, site)).find((c) => c !== undefined);
      if (held) carriers.set(site.call, { wrapper: held.wrapper, searched: held.searched || SEARCH.test(last) });
      continue;
    }
    if (last === "fit" && func.type === "attribute") {
      const held = carried(func.object, site);
      if (held === undefined || !reached(site)) continue;
      fits += 1;
      if (held.searched) { run.searched = true; counted = false; continue; }
      const own = keywordArgument(site.call, "epochs");
      const epochs = own ? number(site, own) : perFit(held.wrapper);
      if (epochs === undefined) { counted = false; continue; }
      total += epochs;
      const n = rowsOf(site, positionalArgument(site.call, 0) ?? keywordArgument(site.call, "x"));
      if (n !== undefined && !run.rows) run.rows = { value: n, detail: `${calleeText(site.call, text)}(...): its first dimension` };
      if (!run.epochs) run.epochs = { value: 0, detail: `${calleeText(site.call, text)}(...) of ${calleeText(held.wrapper.call, text)}(${epochsCode(held.wrapper)})` };
    }
  }
  if (fits === 0 || !counted || !run.epochs) return run.searched ? { line: run.line, searched: true } : fits === 0 ? undefined : { line: run.line };
  run.epochs.value = total;
  return run;
}

/** Folds a `cv=` value makes: an int k, or a splitter's n_splits (× n_repeats). */
function splits(v: Value | undefined): number | undefined {
  if (v?.kind === "int") return v.value > 1 ? v.value : undefined;
  if (v?.kind !== "instance") return undefined;
  const n = v.attributes.get("n_splits");
  const r = v.attributes.get("n_repeats");
  if (n?.kind !== "int") return undefined;
  return r === undefined ? n.value : r.kind === "int" ? n.value * r.value : undefined;
}
