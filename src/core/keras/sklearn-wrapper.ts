// scikit-learn-API estimators and Keras' scikit-learn wrappers. An estimator of scikit-learn (LabelEncoder,
// RandomForestClassifier, a Pipeline, GridSearchCV) or of a library that follows its API (xgboost, LightGBM, CatBoost)
// shares Keras' method name `fit`, but its fit trains no Keras model: `encoder.fit(Y)` is not a one-epoch Keras run.
// Keras' wrappers (KerasClassifier and KerasRegressor: keras.wrappers.scikit_learn in Keras 2.0-2.11 and tf.keras up
// to TF 2.11, scikeras.wrappers since) do: each fit of the wrapper builds the model with build_fn and runs one
// Model.fit with the wrapper's fit arguments (sk_params: epochs, batch_size; fit's defaults epochs=1 and batch 32 where
// absent), and scikit-learn's cross-validation functions fit it once a fold: cross_val_score, cross_validate and
// cross_val_predict with cv=k, a splitter's n_splits (× n_repeats), or 5 folds without cv (scikit-learn 0.22+; 3 in
// 0.17's sklearn.cross_validation). A script comparing configurations builds several wrappers: each builder's model has
// the run of the wrappers built with it. skorch's nets follow the same API and own their loop too: each fit runs
// max_epochs passes over the part of the rows its train_split keeps, in batches of batch_size (training/skorch-net.ts).
import type { Expression, Statement } from "../python/ast";
import { importedPath } from "../python/import-origin";
import { callsAnywhere, dottedName, forEachExpression, forEachStatement, keywordArgument, positionalArgument } from "../python/syntax-walk";
import { inputRows } from "../interp/value-figures";
import type { Value } from "../interp/values";
import type { CodeSite } from "../training/code-sites";
import { SKORCH_DEFAULTS, SKORCH_NET, skorchTrainRows } from "../training/skorch-net";
import { bindingCall } from "../training/returned-lightning-trainer";

type CallSite = Extract<CodeSite, { kind: "call" }>;
type Figure = { value: number; detail: string; defaulted?: boolean };

const SKLEARN_API = /^(sklearn|xgboost|lightgbm|catboost)(\.|$)/;
const KERAS_WRAPPER = /^((keras|tf_keras|tensorflow\.keras|tensorflow\.python\.keras)\.wrappers\.scikit_learn|scikeras\.wrappers)\.Keras(Classifier|Regressor)$/;
const CROSS_VALIDATION = new Set(["cross_val_score", "cross_validate", "cross_val_predict"]);
/** scikit-learn's searches fit the estimator once a candidate and fold with the candidate's parameters, then refit. */
const SEARCH = /SearchCV$/;

/** A library estimator that trains a network in its fit: a Keras wrapper or a skorch net. */
export type WrapperKind = "keras-wrapper" | "skorch";

/** What a callee builds by the file's imports: a scikit-learn-API estimator or function, a Keras wrapper, or a skorch
 *  net (also through a class of the file derived from one: `class Net(AccelerateMixin, NeuralNetClassifier)`). */
export function estimatorKind(callee: string, body: Statement[]): "sklearn" | WrapperKind | undefined {
  const path = importedPath(callee, body);
  if (path === undefined) {
    const own = body.find((s) => s.type === "class" && s.name === callee);
    const bases = own?.type === "class" ? own.bases.map((b) => b.value) : [];
    return bases.some((b) => (b.type === "name" || b.type === "attribute") && SKORCH_NET.test(importedPath(dottedName(b) ?? "", body) ?? "")) ? "skorch" : undefined;
  }
  if (KERAS_WRAPPER.test(path)) return "keras-wrapper";
  if (SKORCH_NET.test(path)) return "skorch";
  return SKLEARN_API.test(path) ? "sklearn" : undefined;
}

/** The call site that last bound `name` before `at`, in the site's function or at module level. */
function bindingOf(name: string, at: CallSite, sites: readonly CodeSite[]): CallSite | undefined {
  return sites.filter((x): x is CallSite => x.kind === "call" && x.assignedTo.includes(name) && x.call.pos.startIndex < at.call.pos.startIndex && (x.context.fn === at.context.fn || x.context.fn === undefined)).pop();
}

/** The call that built a fit's receiver (`est` of `est.fit(...)`, or `Est()` of `Est().fit(...)`). */
export function receiverCall(site: CallSite, sites: readonly CodeSite[]): Extract<Expression, { type: "call" }> | undefined {
  const func = site.call.func;
  if (func.type !== "attribute") return undefined;
  if (func.object.type === "call") return func.object;
  return func.object.type === "name" ? bindingOf(func.object.id, site, sites)?.call : undefined;
}

function calleeText(call: Extract<Expression, { type: "call" }>, text: string): string {
  return text.slice(call.func.pos.startIndex, call.func.pos.endIndex).replace(/\s+/g, "");
}

/** Whether a returned expression is a scikit-learn-API estimator its module builds: a call of a callee the module
 *  imports from scikit-learn (or xgboost, lightgbm, catboost), or a name the function's body binds from one. */
export function buildsEstimator(e: Expression | undefined, fnBody: Statement[], moduleBody: Statement[]): boolean {
  if (e?.type === "name") e = bindingCall(fnBody, e.id);
  if (e?.type !== "call") return false;
  const callee = dottedName(e.func);
  return callee !== undefined && estimatorKind(callee, moduleBody) === "sklearn";
}

/** The values a function's own `return`s give (not those of functions nested in it). */
export function returnedValues(fn: Extract<Statement, { type: "function" }>): (Expression | undefined)[] {
  const returns: (Expression | undefined)[] = [];
  forEachStatement(fn.body, ({ statement }) => {
    if (statement.type === "return") returns.push(statement.value);
  }, [], () => false);
  return returns;
}

/** Whether a function the module defines returns a scikit-learn-API estimator it builds in one of its `return`s
 *  (`def load_classifier(): ... return neighbors.KNeighborsClassifier(6)`, beside a `return pickle.loads(...)` of a
 *  saved one): what a call of it returns is then fitted as that estimator is. */
function returnsEstimator(name: string, body: Statement[]): boolean {
  const fn = body.find((s): s is Extract<Statement, { type: "function" }> => s.type === "function" && s.name === name);
  return !!fn && returnedValues(fn).some((r) => buildsEstimator(r, fn.body, body));
}

/** Whether a `.fit(...)` is a scikit-learn-API estimator's or a Keras wrapper's: no Keras Model.fit of the file's own
 *  (a wrapper's runs are read by wrapperRun). The receiver may be built by a function of the module that returns one. */
export function estimatorFit(site: CallSite, sites: readonly CodeSite[], body: Statement[], text: string): boolean {
  const built = receiverCall(site, sites);
  if (built === undefined) return false;
  if (estimatorKind(calleeText(built, text), body) !== undefined) return true;
  return built.func.type === "name" && returnsEstimator(built.func.id, body);
}

/** The epochs, batch and rows of the fits a file's Keras wrappers of one builder (or its one skorch net) run, where the
 *  code states how often they are fitted; `searched` where a search fits one with parameters of each candidate (the
 *  figures stay unknown). */
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
 * it is appended to, a search over it), and each fit or cross-validation of one of them the plain run reaches. With
 * kind "skorch", the file's one skorch net the same way.
 */
export function wrapperRun(sites: readonly CodeSite[], body: Statement[], text: string, evaluate: (site: CallSite, e: Expression) => Value | undefined, reached: (site: CallSite) => boolean, kind: WrapperKind = "keras-wrapper", builder?: string): WrapperRun | undefined {
  const calls = sites.filter((x): x is CallSite => x.kind === "call");
  const all = calls.filter((s) => estimatorKind(s.callee, body) === kind);
  const skorch = kind === "skorch";
  if (all.length === 0 || (skorch && all.length !== 1)) return undefined;
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
  const code = (e: Expression) => text.slice(e.pos.startIndex, e.pos.endIndex);
  const first = wrappers[0];
  const sk = (key: string) => keywordArgument(first.call, key);
  // The rows a fit trains on: all of them for Keras' wrapper, the part its train_split keeps for skorch's net.
  const trainRows = (n: number): { value: number; detail?: string } | undefined => skorch ? skorchTrainRows(sk("train_split"), n, (e) => evaluate(first, e), code) : { value: n };
  const rowsOf = (site: CallSite, e: Expression | undefined): number | undefined => (e ? inputRows(evaluate(site, e)) : undefined);
  // A wrapper's fit arguments (sk_params): its epochs a fit (Keras 1's nb_epoch too; skorch's max_epochs) and its batch.
  const epochsKeyOf = (w: CallSite) => (skorch ? "max_epochs" : keywordArgument(w.call, "epochs") || !keywordArgument(w.call, "nb_epoch") ? "epochs" : "nb_epoch");
  const epochsArgument = (w: CallSite) => keywordArgument(w.call, epochsKeyOf(w));
  const defaultEpochs = skorch ? SKORCH_DEFAULTS.maxEpochs : 1;
  const perFit = (w: CallSite) => { const e = epochsArgument(w); return e ? number(w, e) : defaultEpochs; };
  const epochsCode = (w: CallSite) => { const e = epochsArgument(w); return `${epochsKeyOf(w)}=${e ? code(e) : defaultEpochs}`; };
  const wrapperCode = calleeText(first.call, text);
  // skorch's training loader takes iterator_train__batch_size over batch_size (skorch/net.py get_iterator).
  const batchKey = skorch && sk("iterator_train__batch_size") ? "iterator_train__batch_size" : "batch_size";
  const batchArgument = sk(batchKey);
  if (batchArgument) {
    const batch = number(first, batchArgument);
    if (batch !== undefined) run.batch = { value: batch, detail: `${wrapperCode}(${batchKey}=${code(batchArgument)})` };
  } else if (skorch) run.batch = { value: SKORCH_DEFAULTS.batchSize, detail: `${wrapperCode} without batch_size: skorch NeuralNet's default batch_size=128 (skorch/net.py)`, defaulted: true };
  else run.batch = { value: 32, detail: `${wrapperCode} without batch_size: Keras Model.fit's default batch_size=32`, defaulted: true };
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
      const n = rowsOf(site, positionalArgument(site.call, 1) ?? keywordArgument(site.call, "X"));
      const test = n !== undefined && folds !== undefined ? Math.floor(n / folds) + (n % folds > 0 ? 1 : 0) : undefined;
      const kept = n !== undefined && test !== undefined ? trainRows(n - test) : undefined;
      if (kept && !run.rows) run.rows = { value: kept.value, detail: `${site.callee}(cv=${cv ? code(cv) : folds}): a fold's training part of ${n} rows${kept.detail ? `; ${kept.detail}` : ""}` };
      const each = perFit(held.wrapper);
      if (folds === undefined || each === undefined) { counted = false; continue; }
      total += folds * each;
      if (!run.epochs) run.epochs = { value: 0, detail: `${site.callee}(cv=${cv ? code(cv) : `None: ${folds} folds`}) fits ${calleeText(held.wrapper.call, text)}(${epochsCode(held.wrapper)}) once a fold` };
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
      const n = rowsOf(site, positionalArgument(site.call, 0) ?? keywordArgument(site.call, skorch ? "X" : "x"));
      const kept = n !== undefined ? trainRows(n) : undefined;
      if (kept && !run.rows) run.rows = { value: kept.value, detail: `${calleeText(site.call, text)}(...): its first dimension${kept.detail ? `; ${kept.detail}` : ""}` };
      const own = keywordArgument(site.call, "epochs");
      const epochs = own ? number(site, own) : perFit(held.wrapper);
      if (epochs === undefined) { counted = false; continue; }
      total += epochs;
      if (!run.epochs) run.epochs = { value: 0, detail: `${calleeText(site.call, text)}(...) of ${calleeText(held.wrapper.call, text)}(${epochsCode(held.wrapper)})` };
    }
  }
  // A wrapper fitted with epochs the code does not fix (`max_epochs=trial.suggest_int(...)`) still trains at its batch
  // on its rows; a search's candidates may change both, so it keeps neither.
  if (run.searched) return { line: run.line, searched: true };
  if (fits === 0) return undefined;
  if (!counted || !run.epochs) return { line: run.line, batch: run.batch, rows: run.rows };
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
